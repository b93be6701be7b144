namespace GenAgent.Core.Tests.Benchmarks;

/// <summary>Finds the shared benchmark files by walking up from the test binaries.</summary>
internal static class BenchmarkFiles
{
    public static string GenEvalPlusPlus => Find("geneval-pp.jsonl");

    public static string GenEval => Find("geneval.jsonl");

    private static string Find(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "benchmarks", name), Path.Combine(dir.FullName, "..", "shared", "benchmarks", name) })
            {
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        var fixedPath = Path.Combine("/work/shared/benchmarks", name);
        return File.Exists(fixedPath) ? fixedPath : throw new FileNotFoundException($"Benchmark file {name} not found above {AppContext.BaseDirectory}.");
    }
}
