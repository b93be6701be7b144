using GenAgent.Infra.Tests.Support;

namespace GenAgent.Infra.Tests.Bicep;

/// <summary>
/// A copy of infra/ in a temp folder on which lint, format and build each run once (with --pattern, one process each,
/// so the class stays fast): format rewrites the copies, build writes a .json next to each .bicep. The checkout is
/// never touched.
/// </summary>
public sealed class BicepWorkspace : IDisposable
{
    private const string Pattern = "**/*.bicep";

    public BicepWorkspace()
    {
        Folder = Directory.CreateTempSubdirectory("genagent-infra-").FullName;
        Sources = Directory.EnumerateFiles(RepositoryPaths.Infra, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Infra, f))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Copy(RepositoryPaths.Infra, Folder);

        // Lint and build first, on the untouched copies; format last, because it rewrites them.
        Lint = BicepCli.Run(Folder, "lint", "--pattern", Pattern);
        Build = BicepCli.Run(Folder, "build", "--pattern", Pattern);
        Compiled = Sources.ToDictionary(s => s, s => ReadIfExists(Path.Combine(Folder, Path.ChangeExtension(s, ".json"))), StringComparer.Ordinal);
        Format = BicepCli.Run(Folder, "format", "--pattern", Pattern);
        Formatted = Sources.ToDictionary(s => s, s => File.ReadAllText(Path.Combine(Folder, s)), StringComparer.Ordinal);
    }

    public string Folder { get; }

    /// <summary>Every .bicep file under infra/, relative to it.</summary>
    public IReadOnlyList<string> Sources { get; }

    public BicepRun Lint { get; }

    public BicepRun Build { get; }

    public BicepRun Format { get; }

    /// <summary>The ARM JSON built from each source; null where build wrote none.</summary>
    public IReadOnlyDictionary<string, string?> Compiled { get; }

    /// <summary>Each source as <c>bicep format</c> writes it.</summary>
    public IReadOnlyDictionary<string, string> Formatted { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string? ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
