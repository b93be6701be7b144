using System.Text.Json;

namespace GenAgent.Inference.TestModels;

/// <summary>
/// Writes a small CLIP-style BPE vocabulary (vocab.json + merges.txt): letters and digits, each also
/// with the end-of-word suffix, one merge chain per known word, and the real special-token ids
/// (&lt;|startoftext|&gt; 49406, &lt;|endoftext|&gt; 49407).
/// </summary>
public static class ClipVocabularyWriter
{
    public const int StartId = 49406;
    public const int EndId = 49407;

    public static (string VocabPath, string MergesPath) Write(string folder, IEnumerable<string>? words = null)
    {
        Directory.CreateDirectory(folder);
        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string token) => vocab.TryAdd(token, vocab.Count);

        const string symbols = "abcdefghijklmnopqrstuvwxyz0123456789,.!?'\"-";
        foreach (var c in symbols)
        {
            Add(c.ToString());
        }

        foreach (var c in symbols)
        {
            Add(c + "</w>");
        }

        var merges = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words ?? TinyVocabulary.Words)
        {
            if (word.Length < 2)
            {
                continue;
            }

            // Merge left to right: "r e" -> "re", then "re d</w>" -> "red</w>".
            var left = word[0].ToString();
            for (var i = 1; i < word.Length; i++)
            {
                var right = word[i] + (i == word.Length - 1 ? "</w>" : string.Empty);
                var merge = $"{left} {right}";
                left += right;
                if (seen.Add(merge))
                {
                    merges.Add(merge);
                }

                Add(left);
            }
        }

        vocab["<|startoftext|>"] = StartId;
        vocab["<|endoftext|>"] = EndId;
        var vocabPath = Path.Combine(folder, "vocab.json");
        var mergesPath = Path.Combine(folder, "merges.txt");
        File.WriteAllText(vocabPath, JsonSerializer.Serialize(vocab, TestModelsJsonContext.Default.DictionaryStringInt32));
        File.WriteAllLines(mergesPath, ["#version: 0.2", .. merges]);
        return (vocabPath, mergesPath);
    }
}
