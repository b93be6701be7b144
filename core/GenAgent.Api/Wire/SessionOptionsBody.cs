using System.Text.Json.Serialization;

namespace GenAgent.Api.Wire;

/// <summary>
/// Session options a caller may set; anything absent keeps the server's default. <see cref="Candidates"/> applies to
/// effort high; <see cref="FollowUpWindowSeconds"/> keeps the session open for follow-up messages after an episode.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record SessionOptionsBody(
    int? MaxImages = null,
    int? MaxTurns = null,
    string? Effort = null,
    int? Width = null,
    int? Height = null,
    long? Seed = null,
    IReadOnlyList<string>? Tools = null,
    int? Candidates = null,
    int? FollowUpWindowSeconds = null);
