namespace GenAgent.Tests.Shared;

/// <summary>Finds the repository's benchmark files (<c>benchmarks/</c> at the root) by walking up from the test binaries.</summary>
internal static class BenchmarkFiles
{
    public static string GenEvalPlusPlus => Find("geneval-pp.jsonl");

    public static string GenEval => Find("geneval.jsonl");

    private static string Find(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "benchmarks", name);
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "GenAgent.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Benchmark file benchmarks/{name} not found above {AppContext.BaseDirectory}.");
    }
}
