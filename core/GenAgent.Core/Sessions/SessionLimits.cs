namespace GenAgent.Core.Sessions;

/// <summary>The limits every front door applies by default (the API, Discord's prompt option, the triggers).</summary>
public static class SessionLimits
{
    /// <summary>Longest prompt accepted; a longer one is a bad request, not a truncated one.</summary>
    public const int DefaultMaxPromptLength = 2000;
}
