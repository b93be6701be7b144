using GenAgent.Workflow.Starting;

namespace GenAgent.Triggers.Requests;

/// <summary>The wire shape of a session request in events, files and queue messages: <c>{prompt, options?, id?}</c>.</summary>
internal sealed record RequestPayload(string? Prompt, StartOptions? Options, string? Id);
