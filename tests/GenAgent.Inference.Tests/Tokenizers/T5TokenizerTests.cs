using GenAgent.Inference.TestModels;
using GenAgent.Inference.Tokenizers;
using Microsoft.ML.Tokenizers;

namespace GenAgent.Inference.Tests.Tokenizers;

public sealed class T5TokenizerTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "t5-" + Guid.NewGuid().ToString("N"), "spiece.model");

    public T5TokenizerTests() => SentencePieceModelWriter.Write(_path);

    [Fact]
    public void The_unpatched_T5_model_breaks_SentencePieceTokenizer()
    {
        // The reason for the fix: bos_id = -1 makes Create index out of range.
        using var stream = File.OpenRead(_path);
        Assert.ThrowsAny<Exception>(() => SentencePieceTokenizer.Create(stream, false, false));
    }

    [Fact]
    public void Patch_sets_bos_to_the_pad_id_and_reads_the_special_ids()
    {
        var (patched, ids) = T5Tokenizer.PatchBosId(File.ReadAllBytes(_path));

        Assert.Equal(new T5Tokenizer.SpecialIds(UnkId: 2, BosId: 0, EosId: 1, PadId: 0), ids);
        var (again, idsAgain) = T5Tokenizer.PatchBosId(patched);
        Assert.Equal(patched, again);
        Assert.Equal(0, idsAgain.BosId);
    }

    [Fact]
    public void Encodes_words_then_eos_then_padding()
    {
        var tokenizer = T5Tokenizer.Load(_path, 8);

        // Pieces: <pad> 0, </s> 1, <unk> 2, "▁" 3, then "▁a" 4, "▁photo" 5, "▁of" 6, "▁the" 7, "▁red" 8, ..., "▁cat" 11.
        Assert.Equal([4L, 8, 11, 1, 0, 0, 0, 0], tokenizer.Encode("a red cat"));
    }

    [Fact]
    public void Unknown_words_use_the_space_piece_and_letters()
    {
        var tokenizer = T5Tokenizer.Load(_path, 6);

        // Letters follow the 25 words: a = 29, so z = 54 and q = 45.
        Assert.Equal([3L, 54, 45, 1, 0, 0], tokenizer.Encode("zq"));
    }

    [Fact]
    public void Truncates_and_keeps_the_eos()
    {
        var tokenizer = T5Tokenizer.Load(_path, 4);

        Assert.Equal([11L, 11, 11, 1], tokenizer.Encode("cat cat cat cat cat"));
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
}
