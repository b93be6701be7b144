using GenAgent.Core.Benchmarks;

namespace GenAgent.Core.Tests.Benchmarks;

public sealed class BenchmarkSetTests
{
    [Fact]
    public void Loads_all_GenEval_plus_plus_items_with_their_checklists()
    {
        var items = BenchmarkSet.Load(BenchmarkFiles.GenEvalPlusPlus);

        Assert.Equal(280, items.Count);
        Assert.Equal(7, items.Select(i => i.Tag).Distinct().Count());
        var first = items[0];
        Assert.Equal("color_attr", first.Tag);
        Assert.Equal(new BenchmarkObject("bus", 1, "brown"), first.Include[0]);
        Assert.Contains(items, i => i.Include.Any(o => o.Region == "above" && o.Size == "larger"));
        Assert.Contains(items, i => i.Exclude.Count == 1);
    }

    [Fact]
    public void Loads_GenEval_positions_as_relation_and_index()
    {
        var items = BenchmarkSet.Load(BenchmarkFiles.GenEval);

        Assert.Equal(553, items.Count);
        var dog = items.First(i => i.Prompt == "a photo of a dog right of a teddy bear");
        Assert.Equal(new BenchmarkPosition("right of", 0), dog.Include[1].Position);
    }

    [Theory]
    [InlineData("not json", "not a JSON object")]
    [InlineData("{\"tag\": \"t\", \"prompt\": \"p\"}", "include")]
    [InlineData("{\"tag\": \"t\", \"prompt\": \"p\", \"include\": [{\"class\": \"cat\"}]}", "count")]
    [InlineData("{\"tag\": \"t\", \"prompt\": \"p\", \"include\": [{\"class\": \"cat\", \"count\": 1, \"region\": \"middle\"}]}", "region")]
    [InlineData("{\"tag\": \"t\", \"prompt\": \"p\", \"include\": [{\"class\": \"cat\", \"count\": 1, \"position\": [\"above\", 3]}]}", "position")]
    public void Bad_lines_name_the_file_and_line(string badLine, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, ["{\"tag\": \"t\", \"prompt\": \"p\", \"include\": [{\"class\": \"cat\", \"count\": 1}]}", string.Empty, badLine]);
        try
        {
            var ex = Assert.Throws<FormatException>(() => BenchmarkSet.Load(path));
            Assert.Contains($"{path}:3", ex.Message, StringComparison.Ordinal);
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
