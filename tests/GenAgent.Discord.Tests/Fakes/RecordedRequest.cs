using System.Text.Json;

namespace GenAgent.Discord.Tests.Fakes;

/// <summary>One request the fake Discord received, as it arrived.</summary>
public sealed record RecordedRequest
{
    /// <summary>Arrival order across every route, from 1.</summary>
    public required long Sequence { get; init; }
    public required string Method { get; init; }

    /// <summary>The path under the API base, e.g. <c>/channels/123/messages</c>; for the CDN, <c>/attachments/x.png</c>.</summary>
    public required string Path { get; init; }
    public required string Query { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public required byte[] Body { get; init; }

    /// <summary>The JSON body, or the <c>payload_json</c> part of a multipart body.</summary>
    public JsonElement? Json { get; init; }

    /// <summary>Every multipart part, in order (empty for JSON bodies).</summary>
    public required IReadOnlyList<RecordedPart> Parts { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The status the fake answered with.</summary>
    public int Status { get; set; }

    public IEnumerable<RecordedPart> Files => Parts.Where(p => p.FileName is not null);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"#{Sequence} {Method} {Path}{Query} -> {Status}";
}
