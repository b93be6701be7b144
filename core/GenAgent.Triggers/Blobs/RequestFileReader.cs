using System.Text;
using System.Text.Json;
using GenAgent.Triggers.Requests;

namespace GenAgent.Triggers.Blobs;

/// <summary>Splits a request file into valid requests and broken lines; a broken line never stops the others.</summary>
internal sealed class RequestFileReader(SessionRequestReader reader, TriggerOptions options)
{
    public (List<(int Line, ParsedRequest Request)> Requests, List<BrokenLine> Broken) Read(string fileName, BinaryData content)
    {
        var requests = new List<(int, ParsedRequest)>();
        var broken = new List<BrokenLine>();
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        switch (extension)
        {
            case ".jsonl" or ".ndjson":
                ReadLines(content, requests, broken);
                break;
            case ".json":
                ReadDocument(content, requests, broken);
                break;
            default:
                broken.Add(new BrokenLine(0, $"Unsupported file type '{extension}': use .json (an object or an array) or .jsonl (one object per line)."));
                break;
        }
        return (requests, broken);
    }

    private void ReadLines(BinaryData content, List<(int, ParsedRequest)> requests, List<BrokenLine> broken)
    {
        using var text = new StringReader(Encoding.UTF8.GetString(content.ToMemory().Span).TrimStart('\uFEFF'));
        var number = 0;
        while (text.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            Add(number, () => reader.Read(BinaryData.FromString(line)), requests, broken);
        }
    }

    private void ReadDocument(BinaryData content, List<(int, ParsedRequest)> requests, List<BrokenLine> broken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content.ToMemory(), new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            broken.Add(new BrokenLine(0, $"The file is not valid JSON: {ex.Message}"));
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in root.EnumerateArray())
                {
                    index++;
                    Add(index, () => reader.Read(item), requests, broken);
                }
            }
            else
            {
                Add(1, () => reader.Read(root), requests, broken);
            }
        }
    }

    private void Add(int line, Func<ParsedRequest> read, List<(int, ParsedRequest)> requests, List<BrokenLine> broken)
    {
        if (requests.Count >= options.MaxItemsPerFile)
        {
            broken.Add(new BrokenLine(line, $"The file holds more than {options.MaxItemsPerFile} requests."));
            return;
        }
        try
        {
            requests.Add((line, read()));
        }
        catch (InvalidSessionRequestException ex)
        {
            broken.Add(new BrokenLine(line, ex.Message));
        }
    }
}
