using System.Text.Json.Nodes;

namespace GenAgent.Infra.Tests.Templates;

internal static class JsonNodeText
{
    /// <summary>The node as JSON with quotes left as they are, so ARM expressions can be searched as written.</summary>
    public static string ToJsonStringUnescaped(this JsonNode? node) => ArmResource.AsText(node);
}
