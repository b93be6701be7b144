namespace GenAgent.Discord.Sessions.Components;

/// <summary>The outcome of reading a custom_id.</summary>
public enum CustomIdParse
{
    /// <summary>A current id: the action and the session are known.</summary>
    Ok,

    /// <summary>An id written by another version of the bot, or with an action this version does not know.</summary>
    Outdated,

    /// <summary>Not a GenAgent id at all.</summary>
    Malformed,
}
