using System.Text.RegularExpressions;
using GenAgent.Infra.Tests.Support;

namespace GenAgent.Infra.Tests.Layout;

/// <summary>The README's layout table and the tree agree: every project folder has a row, every row names a folder that exists.</summary>
public sealed partial class LayoutTableTests
{
    [Fact]
    public void Every_row_of_the_layout_table_is_a_folder_of_the_tree()
    {
        Assert.All(Rows(), row => Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Root, row)), $"the layout table names {row}, which is not in the tree"));
    }

    [Fact]
    public void Every_deployable_and_library_has_a_row()
    {
        var rows = Rows().ToHashSet(StringComparer.Ordinal);
        var projects = Directory.EnumerateFiles(RepositoryPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryPaths.Root, Path.GetDirectoryName(p)!).Replace('\\', '/'))
            .Where(folder => !folder.StartsWith("tests/", StringComparison.Ordinal) && !folder.StartsWith("tools/", StringComparison.Ordinal)
                && !folder.Contains("/bin/", StringComparison.Ordinal) && !folder.Contains("/obj/", StringComparison.Ordinal)
                && !folder.Contains("node_modules", StringComparison.Ordinal));

        Assert.All(projects, folder => Assert.True(rows.Contains(folder), $"{folder} holds a project but has no row in the README's layout table"));
    }

    [Fact]
    public void Each_deployable_folder_has_its_readme()
    {
        Assert.All(["cli", "functions", "bot", "gpu-worker", "core"], folder =>
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, folder, "README.md")), $"{folder}/README.md is missing"));
    }

    /// <summary>The first cell of each row under "## Layout": one or more `folder` names.</summary>
    private static IEnumerable<string> Rows()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf("## Layout", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README has no Layout section");
        var end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        foreach (var line in section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cell = line.Split('|')[1];
            foreach (Match name in FolderName().Matches(cell))
            {
                if (!name.Groups[1].Value.Contains('.', StringComparison.Ordinal) || name.Groups[1].Value.Contains('/', StringComparison.Ordinal))
                    yield return name.Groups[1].Value;
            }
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex FolderName();
}
