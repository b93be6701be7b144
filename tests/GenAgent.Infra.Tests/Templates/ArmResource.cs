using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenAgent.Infra.Tests.Templates;

/// <summary>One resource of the compiled template, with the nested deployment (module) it sits in.</summary>
internal sealed record ArmResource(string Module, string Type, JsonObject Json, JsonObject Template)
{
    public JsonNode? Properties => Json["properties"];

    public string? Name => Json["name"]?.ToString();

    /// <summary>The raw text of this resource, expressions included, for searches that must see through them.</summary>
    public string Text => AsText(Json);

    /// <summary>A top-level variable of the template this resource is in, as text (an object, or an expression string).</summary>
    public string Variable(string name) => AsText(Template["variables"]?[name]);

    /// <summary>A string as itself, anything else as JSON without escaping quotes, so expressions read as written.</summary>
    public static string AsText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(Unescaped),
    };

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
