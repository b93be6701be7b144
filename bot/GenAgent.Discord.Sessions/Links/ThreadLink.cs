namespace GenAgent.Discord.Sessions.Links;

/// <summary>The stored body of a thread's entry: which session its replies continue.</summary>
internal sealed record ThreadLink(string ThreadId, string SessionId);
