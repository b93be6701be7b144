using System.Text.Json.Serialization;

namespace GenAgent.GpuWorker.Wire;

/// <summary>The OpenAI error envelope: <c>{"error": {"message", "type", "param", "code"}}</c>.</summary>
internal sealed record ErrorBody(ErrorDetail Error);

/// <summary>OpenAI sends <c>param</c> and <c>code</c> as null rather than leaving them out; clients index them.</summary>
internal sealed record ErrorDetail(
    string Message,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Param,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Code);
