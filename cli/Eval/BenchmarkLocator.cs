namespace GenAgent.Cli.Eval;

/// <summary>Finds the benchmark files the repository ships in <c>benchmarks/</c>, from the working folder or the binaries.</summary>
internal static class BenchmarkLocator
{
    public const string DefaultRelativePath = "benchmarks/geneval-pp.jsonl";

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
                var candidate = Path.Combine(dir.FullName, DefaultRelativePath);
                if (File.Exists(candidate)) return candidate;
            }
        }

        throw new CliException(
            $"benchmark not found: no {DefaultRelativePath} above {Directory.GetCurrentDirectory()}; run from the repository or pass --benchmark <path to geneval-pp.jsonl>.");
    }
}
