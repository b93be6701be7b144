using GenAgent.Core.Judging.Wise;

namespace GenAgent.Core.Tests.Judging.Wise;

public sealed class WiseSetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wise-set-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reads_a_json_array_with_the_released_field_names()
    {
        var path = Path.Combine(_folder, "wise.json");
        File.WriteAllText(path, """
            [
              {"Prompt": "The tallest iron tower in Paris at dusk", "Explanation": "The Eiffel Tower at dusk", "Category": "Cultural", "Subcategory": "Landmark", "prompt_id": 1, "Hint": "tower"},
              {"prompt": "Water at minus ten degrees Celsius in a glass", "explanation": "Ice in a glass", "category": "Physics", "prompt_id": "2"}
            ]
            """);

        var items = WiseSet.Load(path);

        Assert.Equal(2, items.Count);
        Assert.Equal(new WiseItem("1", "The tallest iron tower in Paris at dusk", "The Eiffel Tower at dusk", "Cultural", "Landmark"), items[0]);
        Assert.Equal("Physics", items[1].Category);
        Assert.Equal("Ice in a glass", items[1].Explanation);
    }

    [Fact]
    public void Reads_json_lines_too()
    {
        var path = Path.Combine(_folder, "wise.jsonl");
        File.WriteAllLines(path, ["""{"Prompt": "a", "Category": "Time"}""", "", """{"Prompt": "b", "Category": "Space"}"""]);

        Assert.Equal(["Time", "Space"], WiseSet.Load(path).Select(i => i.Category));
    }

    [Theory]
    [InlineData("""[{"Prompt": "no category"}]""", "no Prompt or no Category")]
    [InlineData("""{"Prompt": "a", "Category": """, "not WISE JSON")]
    [InlineData("""[1, 2]""", "is not an object")]
    public void Bad_files_name_the_problem(string text, string message)
    {
        var path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, text);

        var error = Assert.Throws<FormatException>(() => WiseSet.Load(path));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
