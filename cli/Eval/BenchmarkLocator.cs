namespace GenAgent.Cli.Eval;

/// <summary>Finds the shared benchmark files, which sit beside the repository (<c>../shared/benchmarks</c>).</summary>
internal static class BenchmarkLocator
{
    public const string DefaultRelativePath = "../shared/benchmarks/geneval-pp.jsonl";

    public static string Resolve(string? flag)
    {
        if (flag is not null)
        {
            return File.Exists(flag) ? Path.GetFullPath(flag) : throw new CliException($"--benchmark '{flag}' does not exist.");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, DefaultRelativePath));
                if (File.Exists(candidate)) return candidate;
            }
        }

        throw new CliException(
            $"benchmark not found: no {DefaultRelativePath} above {Directory.GetCurrentDirectory()}; pass --benchmark <path to geneval-pp.jsonl>.");
    }
}
