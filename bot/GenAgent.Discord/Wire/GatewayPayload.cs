using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenAgent.Discord.Wire;

/// <summary>Every gateway frame: <c>{op, d, s, t}</c>; s and t only on dispatches (op 0).</summary>
public sealed record GatewayPayload
{
    public int Op { get; init; }

    /// <summary>Kept as JSON: its shape depends on op and t. Written even when null (a first heartbeat sends d: null).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? D { get; init; }
    public long? S { get; init; }
    public string? T { get; init; }
}
