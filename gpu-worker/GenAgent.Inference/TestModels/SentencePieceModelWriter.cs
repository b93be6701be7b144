using GenAgent.Inference.TestModels.Protobuf;

namespace GenAgent.Inference.TestModels;

/// <summary>
/// Writes a tiny T5-style SentencePiece Unigram model: &lt;pad&gt; 0, &lt;/s&gt; 1, &lt;unk&gt; 2,
/// bos_id = -1 (as T5 ships it), then "▁word" pieces and single-letter fallbacks.
/// sentencepiece_model.proto: ModelProto pieces = 1 (piece = 1, score = 2, type = 3), trainer_spec = 2
/// (model_type = 3, vocab_size = 4, unk_id = 40, bos_id = 41, eos_id = 42, pad_id = 43),
/// normalizer_spec = 3 (name = 1, add_dummy_prefix = 3, remove_extra_whitespaces = 4, escape_whitespaces = 5).
/// </summary>
public static class SentencePieceModelWriter
{
    private const int Normal = 1;
    private const int Unknown = 2;
    private const int Control = 3;
    private const int Unigram = 1;

    /// <summary>The pieces in id order, as written.</summary>
    public static IReadOnlyList<string> Pieces(IEnumerable<string>? words = null)
    {
        var pieces = new List<string> { "<pad>", "</s>", "<unk>", "\u2581" };
        pieces.AddRange((words ?? TinyVocabulary.Words).Select(w => "\u2581" + w));
        pieces.AddRange("abcdefghijklmnopqrstuvwxyz0123456789,.!?".Select(c => c.ToString()));
        return pieces.Distinct(StringComparer.Ordinal).ToList();
    }

    public static byte[] Create(IEnumerable<string>? words = null, int bosId = -1)
    {
        var pieces = Pieces(words);
        var model = new ProtoMessage();
        for (var i = 0; i < pieces.Count; i++)
        {
            var type = i switch { 0 or 1 => Control, 2 => Unknown, _ => Normal };

            // Whole words score far above letters, so the Viterbi search prefers them.
            var score = type != Normal ? 0f : pieces[i].StartsWith('\u2581') ? -1f - (0.01f * i) : -10f;
            model.Message(1, new ProtoMessage().String(1, pieces[i]).Float(2, score).Varint(3, type));
        }

        model.Message(2, new ProtoMessage()
            .Varint(3, Unigram)
            .Varint(4, pieces.Count)
            .Varint(40, 2)
            .Varint(41, bosId)
            .Varint(42, 1)
            .Varint(43, 0));
        model.Message(3, new ProtoMessage()
            .String(1, "identity")
            .Varint(3, 1)
            .Varint(4, 1)
            .Varint(5, 1));
        return model.ToArray();
    }

    public static string Write(string path, IEnumerable<string>? words = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, Create(words));
        return path;
    }
}
