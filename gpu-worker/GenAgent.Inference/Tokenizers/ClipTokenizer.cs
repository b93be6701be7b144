using System.Text.RegularExpressions;
using GenAgent.Inference.Models;
using Microsoft.ML.Tokenizers;

namespace GenAgent.Inference.Tokenizers;

/// <summary>
/// OpenAI CLIP's tokenizer: byte-pair encoding from vocab.json + merges.txt over lower-cased words
/// with the end-of-word suffix "&lt;/w&gt;"; a row is BOS, the tokens (truncated), EOS, then padding (EOS, or the manifest's pad id)
/// (49406 / 49407 in the real vocabulary; read from the vocabulary, not assumed).
/// </summary>
public sealed partial class ClipTokenizer
{
    public const string StartToken = "<|startoftext|>";
    public const string EndToken = "<|endoftext|>";

    private readonly Tokenizer _bpe;

    private ClipTokenizer(Tokenizer bpe, int bosId, int eosId, int padId, int length)
    {
        _bpe = bpe;
        BosId = bosId;
        EosId = eosId;
        PadId = padId;
        Length = length;
    }

    public int BosId { get; }

    public int EosId { get; }

    /// <summary>Fills the row after the EOS.</summary>
    public int PadId { get; }

    public int Length { get; }

    /// <summary>The CLIP tokenizer a model set names, at the set's token length and pad id.</summary>
    internal static ClipTokenizer Load(ModelManifest manifest) =>
        Load(manifest.Tokenizers.ClipVocab!, manifest.Tokenizers.ClipMerges!, manifest.Constants.ClipTokenLength, manifest.Constants.ClipPadId);

    public static ClipTokenizer Load(string vocabPath, string mergesPath, int length = 77, int? padId = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        var special = ReadSpecialIds(vocabPath);
        var bpe = BpeTokenizer.Create(new BpeOptions(vocabPath, mergesPath)
        {
            PreTokenizer = new RegexPreTokenizer(WordPattern(), special),
            Normalizer = new LowerCaseNormalizer(),
            SpecialTokens = special,

            // CLIP's vocabulary spells every byte with GPT-2's byte-to-unicode table, so non-ASCII text is encoded byte-wise.
            ByteLevel = true,

            // A piece the vocabulary lacks is dropped: mapping it to <|endoftext|> would move the position CLIP pools at (the first EOS).
            UnknownToken = null,
            EndOfWordSuffix = "</w>",
        });
        return new ClipTokenizer(bpe, special[StartToken], special[EndToken], padId ?? special[EndToken], length);
    }

    /// <summary>One row of <see cref="Length"/> ids.</summary>
    public long[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = Whitespace().Replace(text, " ").Trim();
        var tokens = _bpe.EncodeToIds(cleaned, considerPreTokenization: true, considerNormalization: true);
        var row = new long[Length];
        Array.Fill(row, PadId);
        row[0] = BosId;
        var count = Math.Min(tokens.Count, Length - 2);
        for (var i = 0; i < count; i++)
        {
            row[i + 1] = tokens[i];
        }

        row[count + 1] = EosId;
        return row;
    }

    private static Dictionary<string, int> ReadSpecialIds(string vocabPath)
    {
        using var stream = File.OpenRead(vocabPath);
        using var document = System.Text.Json.JsonDocument.Parse(stream);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in new[] { StartToken, EndToken })
        {
            if (!document.RootElement.TryGetProperty(token, out var id))
            {
                throw new InvalidDataException($"CLIP vocabulary '{vocabPath}' has no '{token}'.");
            }

            ids[token] = id.GetInt32();
        }

        return ids;
    }

    // CLIP's own split (openai/CLIP simple_tokenizer.py): special tokens, English contractions, letter runs, single digits, other symbol runs.
    [GeneratedRegex(@"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+", RegexOptions.IgnoreCase)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
