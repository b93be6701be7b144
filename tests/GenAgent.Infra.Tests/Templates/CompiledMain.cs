using System.Text.Json.Nodes;
using GenAgent.Infra.Tests.Bicep;

namespace GenAgent.Infra.Tests.Templates;

/// <summary>
/// main.bicep compiled to ARM JSON (by the shared <see cref="BicepWorkspace"/>), with every resource of every nested
/// deployment (the modules) flattened into one list.
/// </summary>
internal sealed class CompiledMain
{
    public CompiledMain(BicepWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var json = workspace.Compiled["main.bicep"] ?? throw new InvalidOperationException("main.bicep did not compile: " + workspace.Build.Describe());
        Text = json;
        Root = JsonNode.Parse(json)!.AsObject();
        Resources = Walk("main", Root).ToArray();
    }

    public string Text { get; }

    public JsonObject Root { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    public IEnumerable<ArmResource> OfType(string type) => Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ArmResource> InModule(string module) => Resources.Where(r => r.Module == module);

    private static IEnumerable<ArmResource> Walk(string module, JsonObject template)
    {
        // Bicep writes an array of resources, or an object keyed by symbolic name (languageVersion 2.0).
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            var type = resource["type"]?.ToString() ?? "";
            yield return new ArmResource(module, type, resource, template);
            if (type == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Walk(resource["name"]?.ToString() ?? "?", nested)) yield return inner;
            }
        }
    }
}
