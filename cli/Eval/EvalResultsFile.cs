using System.Text;
using System.Text.Json;
using GenAgent.Cli.Output;

namespace GenAgent.Cli.Eval;

/// <summary>
/// <c>results.jsonl</c>: one line per finished sample, appended and flushed as each finishes, so a killed run loses
/// only what was in flight. A later line for the same sample (re-judged after a judge failure) replaces the earlier.
/// </summary>
internal sealed class EvalResultsFile(string path)
{
    public const string FileName = "results.jsonl";

    private readonly Lock _gate = new();

    public string Path { get; } = path;

    public void Append(EvalResult result)
    {
        var line = JsonSerializer.Serialize(result, EvalJson.Default.EvalResult) + "\n";
        lock (_gate)
        {
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(Encoding.UTF8.GetBytes(line));
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>The results so far, by sample; a torn last line (the process died mid-write) is dropped.</summary>
    public Dictionary<string, EvalResult> Read()
    {
        var results = new Dictionary<string, EvalResult>(StringComparer.Ordinal);
        if (!File.Exists(Path)) return results;
        foreach (var line in File.ReadLines(Path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            EvalResult? result;
            try
            {
                result = JsonSerializer.Deserialize(line, EvalJson.Default.EvalResult);
            }
            catch (JsonException)
            {
                continue;
            }

            if (result is not null) results[result.Key] = result;
        }

        return results;
    }
}
