using GenAgent.Core.Benchmarks;
using GenAgent.Core.Judging.Wise;

namespace GenAgent.Cli.Eval;

/// <summary>
/// The prompt set of a run: a set the repository ships (<c>geneval-pp</c>, <c>geneval</c>, found in <c>benchmarks/</c>
/// beside the binary or above the working folder), the user's WISE file (<c>wise</c> with <c>--data</c>), or any JSONL
/// file in the GenEval line format.
/// </summary>
internal sealed record EvalBenchmark(string Name, string Path, bool IsWise, IReadOnlyList<EvalItem> Items)
{
    public const string Default = "geneval-pp";

    public const string Wise = "wise";

    private static readonly Dictionary<string, string> Shipped = new(StringComparer.OrdinalIgnoreCase)
    {
        ["geneval-pp"] = "geneval-pp.jsonl",
        ["geneval"] = "geneval.jsonl",
    };

    public static IEnumerable<string> Names => Shipped.Keys.Append(Wise);

    public static EvalBenchmark Load(string benchmark, string? data)
    {
        if (benchmark.Equals(Wise, StringComparison.OrdinalIgnoreCase))
        {
            if (data is null) throw new CliException("--benchmark wise needs --data <your WISE JSON file> (WISE is not shipped; its items have Prompt, Explanation, Category).");
            var path = Existing(data, "--data");
            try
            {
                var items = WiseSet.Load(path).Select((w, i) => new EvalItem(i, w.Category, w.Prompt, Explanation: w.Explanation)).ToList();
                return new EvalBenchmark(Wise, path, IsWise: true, items);
            }
            catch (FormatException bad)
            {
                throw new CliException($"--data: {bad.Message}");
            }
        }

        if (data is not null) throw new CliException("--data goes with --benchmark wise only.");
        var file = Shipped.TryGetValue(benchmark, out var shipped) ? Locate(shipped) : Existing(benchmark, "--benchmark");
        try
        {
            var items = BenchmarkSet.Load(file).Select((b, i) => new EvalItem(i, b.Tag, b.Prompt, Checklist: b)).ToList();
            return new EvalBenchmark(Shipped.ContainsKey(benchmark) ? benchmark.ToLowerInvariant() : System.IO.Path.GetFileName(file), file, IsWise: false, items);
        }
        catch (FormatException bad)
        {
            throw new CliException(bad.Message);
        }
    }

    /// <summary>The first <paramref name="perTag"/> prompts of each tag, in file order.</summary>
    public EvalBenchmark Limit(int? perTag) => perTag is not { } n
        ? this
        : this with { Items = Items.GroupBy(i => i.Tag, StringComparer.Ordinal).SelectMany(g => g.Take(n)).OrderBy(i => i.Index).ToList() };

    private static string Existing(string path, string flag) =>
        File.Exists(path) ? System.IO.Path.GetFullPath(path) : throw new CliException($"{flag} '{path}' does not exist.");

    private static string Locate(string file)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "benchmarks", file);
                if (File.Exists(candidate)) return candidate;
            }
        }

        throw new CliException($"benchmarks/{file} not found beside genagent or above {Directory.GetCurrentDirectory()}; pass --benchmark <path to {file}>.");
    }
}
