namespace GenAgent.Discord.Sessions.Components;

/// <summary>What a session button (or the modal it opens) asks for. The wire names are in <see cref="CustomIds"/> and never change.</summary>
public enum ButtonAction
{
    /// <summary>Another round of the same session (a follow-up that asks for one more attempt).</summary>
    AnotherRound,

    /// <summary>Opens a modal; its text becomes a follow-up to the session.</summary>
    Refine,

    /// <summary>A new session with the same prompt at effort high.</summary>
    Variations,

    /// <summary>Opens a modal; its text becomes an edit instruction to the session.</summary>
    Edit,

    /// <summary>Cancels the session.</summary>
    Stop,

    /// <summary>Deletes the message (its owner or an admin only).</summary>
    Delete,
}
