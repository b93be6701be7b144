using System.Text.Json;

namespace GenAgent.Discord.Wire;

/// <summary>An error body: a JSON error code (e.g. 50027), a message, and per-field errors.</summary>
public sealed record ApiError
{
    public int? Code { get; init; }
    public string? Message { get; init; }
    public JsonElement? Errors { get; init; }
}
