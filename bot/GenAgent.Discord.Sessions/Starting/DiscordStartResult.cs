using System.Diagnostics.CodeAnalysis;

namespace GenAgent.Discord.Sessions.Starting;

/// <summary>Either the started session's id or why it was refused (a sentence meant for the user).</summary>
public sealed record DiscordStartResult
{
    public string? SessionId { get; private init; }

    public string? Refusal { get; private init; }

    /// <summary>Whether the session's replies are ephemeral (the request's or the user's default).</summary>
    public bool Private { get; private init; }

    [MemberNotNullWhen(true, nameof(SessionId))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Started => SessionId is not null;

    public static DiscordStartResult Ok(string sessionId, bool isPrivate) => new() { SessionId = sessionId, Private = isPrivate };

    public static DiscordStartResult Refused(string reason) => new() { Refusal = reason };
}
