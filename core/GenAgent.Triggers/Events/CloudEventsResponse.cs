namespace GenAgent.Triggers.Events;

/// <summary>An HTTP answer for the host to copy out: status, headers and a JSON (or empty) body.</summary>
public sealed record CloudEventsResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, BinaryData Body)
{
    public static CloudEventsResponse Json(int statusCode, BinaryData body) =>
        new(statusCode, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, body);
}
