using System.Text.Json.Serialization;

namespace GenAgent.Api.Wire;

/// <summary>The body of <c>POST /api/sessions/{id}/messages</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record FollowUpBody(string? Text);
