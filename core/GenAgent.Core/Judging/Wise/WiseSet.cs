using System.Text.Json;

namespace GenAgent.Core.Judging.Wise;

/// <summary>
/// Reads the user's WISE data: a JSON array of items (<c>Prompt</c>, <c>Explanation</c>, <c>Category</c>,
/// <c>Subcategory</c>, <c>prompt_id</c>, <c>Hint</c>), or several such files' items as JSON lines. Field names are
/// matched without regard to case, as the released files differ in spelling.
/// </summary>
public static class WiseSet
{
    public static IReadOnlyList<WiseItem> Load(string path)
    {
        var text = File.ReadAllText(path).Trim();
        var elements = new List<JsonElement>();
        try
        {
            if (text.StartsWith('['))
            {
                using var document = JsonDocument.Parse(text);
                elements.AddRange(document.RootElement.EnumerateArray().Select(e => e.Clone()));
            }
            else
            {
                foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                {
                    using var document = JsonDocument.Parse(line);
                    elements.Add(document.RootElement.Clone());
                }
            }
        }
        catch (JsonException bad)
        {
            throw new FormatException($"{path}: not WISE JSON ({bad.Message}); expected an array of {{\"Prompt\", \"Explanation\", \"Category\", ...}} items.");
        }

        return elements.Select((e, i) => Item(e, path, i + 1)).ToList();
    }

    private static WiseItem Item(JsonElement element, string path, int number)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new FormatException($"{path}: item {number} is not an object.");
        var prompt = Text(element, "Prompt");
        var category = Text(element, "Category");
        if (string.IsNullOrWhiteSpace(prompt) || string.IsNullOrWhiteSpace(category))
            throw new FormatException($"{path}: item {number} has no Prompt or no Category.");
        return new WiseItem(
            Text(element, "prompt_id") ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            prompt,
            Text(element, "Explanation") ?? "",
            category,
            Text(element, "Subcategory"));
    }

    private static string? Text(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!property.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) continue;
            return property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => null,
            };
        }

        return null;
    }
}
