using System.Text.Json.Serialization;

namespace GenAgent.Api.Wire;

/// <summary>The body of <c>POST /api/sessions</c>. Unknown fields are an error, so a typo never silently means a default.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record CreateSessionBody(
    string? Prompt,
    GenAgent.Workflow.Starting.StartOptions? Options = null,
    ImageBody? Image = null,
    string? IdempotencyKey = null);
