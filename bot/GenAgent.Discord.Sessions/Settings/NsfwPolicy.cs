namespace GenAgent.Discord.Sessions.Settings;

/// <summary>Where a guild lets NSFW prompts run.</summary>
public enum NsfwPolicy
{
    /// <summary>Only in age-restricted channels (Discord's <c>nsfw</c> flag); the default.</summary>
    AgeRestrictedOnly,

    /// <summary>Nowhere in this guild.</summary>
    Never,
}
