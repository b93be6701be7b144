using System.Text.Json;
using System.Text.Json.Nodes;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Backends.ComfyUI;

/// <summary>
/// A ComfyUI workflow in its API format (the JSON "Save (API)" writes: node id to <c>{"class_type", "inputs"}</c>) and
/// how a call's inputs go into it. A workflow that holds placeholders gets them replaced: a string value that is
/// exactly <c>{{seed}}</c>, <c>{{width}}</c>, <c>{{height}}</c>, <c>{{steps}}</c> or <c>{{denoise}}</c> becomes that
/// number, and <c>{{prompt}}</c>, <c>{{negative_prompt}}</c> and <c>{{image}}</c> are replaced inside any string. A
/// workflow without any is filled through its standard nodes: the KSampler's seed and steps, the CLIPTextEncode nodes
/// wired to its positive and negative inputs, EmptyLatentImage's size, and LoadImage's image for edits.
/// </summary>
internal sealed class ComfyWorkflow
{
    private static readonly string[] Placeholders = ["{{prompt}}", "{{negative_prompt}}", "{{seed}}", "{{width}}", "{{height}}", "{{steps}}", "{{image}}", "{{denoise}}"];
    private static readonly string[] Samplers = ["KSampler", "KSamplerAdvanced"];

    /// <summary>Steps for a <c>{{steps}}</c> placeholder when <c>GenAgent:*:Steps</c> is unset: ComfyUI's own default.</summary>
    public const int DefaultSteps = 20;

    private readonly JsonObject template;

    private ComfyWorkflow(JsonObject template, string source)
    {
        this.template = template;
        Source = source;
        HasPlaceholders = Placeholders.Any(p => template.ToJsonString().Contains(p, StringComparison.Ordinal));
    }

    /// <summary>Where the workflow came from, for messages: the file, or the built-in one.</summary>
    public string Source { get; }

    public bool HasPlaceholders { get; }

    /// <summary>The tool's workflow: its <c>Workflow</c> file, else the built-in one on its <c>Model</c> checkpoint.</summary>
    public static ComfyWorkflow For(Configuration.ToolOptions options, string section, Func<string, string> builtIn, string builtInName) =>
        string.IsNullOrWhiteSpace(options.Workflow)
            ? Parse(builtIn(options.Model ?? ""), $"built-in {builtInName} workflow", section)
            : Load(options.Workflow, section);

    /// <summary>Reads a workflow file; a file that is not an API-format workflow is refused with what to do.</summary>
    public static ComfyWorkflow Load(string path, string section)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception bad) when (bad is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"GenAgent:{section}:Workflow '{path}' cannot be read: {bad.Message}", bad);
        }
        return Parse(text, $"workflow '{Path.GetFileName(path)}'", section);
    }

    public static ComfyWorkflow Parse(string text, string source, string section)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException bad)
        {
            throw new InvalidOperationException($"GenAgent:{section}:Workflow: the {source} is not JSON: {bad.Message}", bad);
        }
        // The UI's own save format has "nodes" and "links"; the API format is an object of nodes with a class_type each.
        if (node is not JsonObject nodes || nodes.Count == 0 || nodes.ContainsKey("nodes") || nodes.Any(n => n.Value?["class_type"] is null))
            throw new InvalidOperationException($"GenAgent:{section}:Workflow: the {source} is not in ComfyUI's API format; export it with \"Save (API)\" (enable the dev mode options in older versions).");
        return new ComfyWorkflow(nodes, source);
    }

    /// <summary>A copy of the workflow with the call's inputs in it.</summary>
    public JsonObject Fill(ComfyInputs inputs)
    {
        var graph = template.DeepClone().AsObject();
        if (HasPlaceholders) Replace(graph, inputs);
        else Wire(graph, inputs);
        return graph;
    }

    private static void Replace(JsonNode node, ComfyInputs inputs)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text)) obj[key] = Value(text, inputs);
                    else if (obj[key] is { } child) Replace(child, inputs);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text)) array[i] = Value(text, inputs);
                    else if (array[i] is { } child) Replace(child, inputs);
                }
                break;
        }
    }

    private static JsonNode? Value(string text, ComfyInputs inputs) => text switch
    {
        "{{seed}}" => inputs.Seed,
        "{{width}}" => inputs.Width,
        "{{height}}" => inputs.Height,
        "{{steps}}" => inputs.Steps ?? DefaultSteps,
        "{{denoise}}" => inputs.Denoise ?? 1.0,
        _ => text.Replace("{{prompt}}", inputs.Prompt, StringComparison.Ordinal)
            .Replace("{{negative_prompt}}", inputs.NegativePrompt ?? "", StringComparison.Ordinal)
            .Replace("{{image}}", inputs.Image ?? "", StringComparison.Ordinal),
    };

    private void Wire(JsonObject graph, ComfyInputs inputs)
    {
        var sampler = graph.Select(n => n.Value!.AsObject()).FirstOrDefault(n => Samplers.Contains(n["class_type"]?.GetValue<string>()))
            ?? throw new PermanentToolException($"the {Source} has no placeholders and no KSampler node to put the prompt and seed into; add {{{{prompt}}}} and {{{{seed}}}} placeholders.");
        var samplerInputs = sampler["inputs"]!.AsObject();
        var seedKey = samplerInputs.ContainsKey("noise_seed") ? "noise_seed" : "seed";
        samplerInputs[seedKey] = inputs.Seed;
        if (inputs.Steps is { } steps) samplerInputs["steps"] = steps;
        if (inputs.Denoise is { } denoise && samplerInputs.ContainsKey("denoise")) samplerInputs["denoise"] = denoise;
        SetText(graph, samplerInputs["positive"], inputs.Prompt, "positive");
        if (inputs.NegativePrompt is { } negative) SetText(graph, samplerInputs["negative"], negative, "negative");
        foreach (var latent in Nodes(graph, "EmptyLatentImage", "EmptySD3LatentImage"))
        {
            latent["width"] = inputs.Width;
            latent["height"] = inputs.Height;
        }
        if (inputs.Image is { } image)
        {
            var load = Nodes(graph, "LoadImage").FirstOrDefault()
                ?? throw new PermanentToolException($"the {Source} has no LoadImage node for the image to edit; add one, or an {{{{image}}}} placeholder.");
            load["image"] = image;
        }
    }

    /// <summary>The text of the CLIPTextEncode node a sampler input is wired to (<c>[node id, output index]</c>).</summary>
    private void SetText(JsonObject graph, JsonNode? link, string text, string input)
    {
        if (link is JsonArray { Count: > 0 } pair && graph[pair[0]!.ToString()] is JsonObject node
            && node["class_type"]?.GetValue<string>() is "CLIPTextEncode" && node["inputs"] is JsonObject textInputs)
        {
            textInputs["text"] = text;
            return;
        }
        throw new PermanentToolException($"the {Source}'s KSampler {input} input is not wired to a CLIPTextEncode node; add a {{{{prompt}}}} placeholder where the text goes.");
    }

    private static IEnumerable<JsonObject> Nodes(JsonObject graph, params string[] classTypes) =>
        graph.Select(n => n.Value!.AsObject()).Where(n => classTypes.Contains(n["class_type"]?.GetValue<string>())).Select(n => n["inputs"]!.AsObject());
}
