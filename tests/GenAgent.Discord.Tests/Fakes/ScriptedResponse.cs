using System.Globalization;
using System.Text.Json;

namespace GenAgent.Discord.Tests.Fakes;

/// <summary>A response the fake gives instead of its default one.</summary>
public sealed record ScriptedResponse(int Status, string? Json = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A 429 the way Discord sends it: body, Retry-After and the scope headers.</summary>
    public static ScriptedResponse RateLimited(double retryAfterSeconds, bool global = false, string scope = "user") =>
        new(
            429,
            JsonSerializer.Serialize(new Dictionary<string, object> { ["message"] = "You are being rate limited.", ["retry_after"] = retryAfterSeconds, ["global"] = global }),
            new Dictionary<string, string>
            {
                ["Retry-After"] = Math.Ceiling(retryAfterSeconds).ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Scope"] = global ? "global" : scope,
                ["X-RateLimit-Global"] = global ? "true" : "false",
            });

    public static ScriptedResponse ServerError(int status = 502) => new(status, """{"message": "Bad Gateway", "code": 0}""");

    /// <summary>A JSON error, e.g. <c>Error(401, 50027, "Invalid Webhook Token")</c>.</summary>
    public static ScriptedResponse Error(int status, int code, string message) =>
        new(status, JsonSerializer.Serialize(new Dictionary<string, object> { ["message"] = message, ["code"] = code }));
}
