namespace GenAgent.Api.Wire;

/// <summary>The answer to a start or a follow-up: where to poll.</summary>
internal sealed record SessionCreated(string Id, string StatusUrl);
