using System.Text.Json;
using GenAgent.Inference.TestModels;
using GenAgent.Inference.Tokenizers;

namespace GenAgent.Inference.Tests.Tokenizers;

public sealed class ClipTokenizerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "clip-tok-" + Guid.NewGuid().ToString("N"));
    private readonly ClipTokenizer _tokenizer;
    private readonly Dictionary<string, int> _vocab;

    public ClipTokenizerTests()
    {
        var (vocab, merges) = ClipVocabularyWriter.Write(_folder);
        _tokenizer = ClipTokenizer.Load(vocab, merges, 77);
        _vocab = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(vocab))!;
    }

    [Fact]
    public void Row_is_bos_tokens_eos_then_eos_padding()
    {
        var row = _tokenizer.Encode("a cat");

        Assert.Equal(77, row.Length);
        Assert.Equal(49406, row[0]);
        Assert.Equal(43, row[1]); // "a</w>": the 44th entry (43 symbols come first, then their "</w>" forms).
        Assert.Equal(_vocab["cat</w>"], row[2]);
        Assert.All(row.Skip(3), id => Assert.Equal(49407, id));
    }

    [Fact]
    public void Lower_cases_and_uses_merges_for_known_words()
    {
        var row = _tokenizer.Encode("A Photo of the RED   clock");

        long[] expected = [_vocab["a</w>"], _vocab["photo</w>"], _vocab["of</w>"], _vocab["the</w>"], _vocab["red</w>"], _vocab["clock</w>"]];
        Assert.Equal(expected, row.Skip(1).Take(6));
        Assert.Equal(49407, row[7]);
    }

    [Fact]
    public void Unknown_words_fall_back_to_letters_with_the_suffix_on_the_last()
    {
        var row = _tokenizer.Encode("xyz");

        // x = 23, y = 24 (plain letters), "z</w>" = 43 + 25.
        Assert.Equal([49406L, 23, 24, 68, 49407], row.Take(5));
    }

    [Fact]
    public void Digits_are_single_tokens_and_punctuation_splits()
    {
        var row = _tokenizer.Encode("3 clocks, 12.");

        long[] expected = [_vocab["3</w>"], _vocab["clocks</w>"], _vocab[",</w>"], _vocab["1</w>"], _vocab["2</w>"], _vocab[".</w>"]];
        Assert.Equal(expected, row.Skip(1).Take(6));
    }

    [Fact]
    public void Pieces_missing_from_the_vocabulary_are_dropped_never_an_early_eos()
    {
        var row = _tokenizer.Encode("a café cat");

        // The tiny vocabulary has no byte pieces for "é": "caf" becomes "ca" (the first merge of "cat") and "f"; "é" is dropped.
        Assert.Equal([49406L, 43, _vocab["ca"], _vocab["f"], _vocab["cat</w>"], 49407, 49407], row.Take(7));
    }

    [Fact]
    public void Non_ascii_is_encoded_with_the_byte_to_unicode_pieces()
    {
        // "é" is UTF-8 C3 A9, which CLIP's byte table spells "Ã" and "©".
        var vocab = new Dictionary<string, int>(_vocab) { ["Ã"] = 500, ["©</w>"] = 501 };
        var path = Path.Combine(_folder, "vocab-bytes.json");
        File.WriteAllText(path, JsonSerializer.Serialize(vocab));

        var row = ClipTokenizer.Load(path, Path.Combine(_folder, "merges.txt")).Encode("café");

        Assert.Equal([49406L, _vocab["ca"], _vocab["f"], 500, 501, 49407], row.Take(6));
    }

    [Fact]
    public void Long_text_is_truncated_and_keeps_the_eos()
    {
        var row = _tokenizer.Encode(string.Join(' ', Enumerable.Repeat("cat", 100)));

        Assert.Equal(77, row.Length);
        Assert.Equal(_vocab["cat</w>"], row[75]);
        Assert.Equal(49407, row[76]);
    }

    [Fact]
    public void Sd2_style_padding_with_a_pad_id_keeps_one_eos()
    {
        var (vocab, merges) = (Path.Combine(_folder, "vocab.json"), Path.Combine(_folder, "merges.txt"));
        var row = ClipTokenizer.Load(vocab, merges, 8, padId: 0).Encode("a cat");

        Assert.Equal([49406L, 43, _vocab["cat</w>"], 49407, 0, 0, 0, 0], row);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
