namespace GenAgent.Discord.Sessions.Commands;

/// <summary>Where the slash commands are registered, and for which install types (see <see cref="DiscordCommands.All"/>).</summary>
public enum CommandScope
{
    /// <summary>Global, for servers that installed the app and the bot's DMs.</summary>
    Global,

    /// <summary>Global, for guild installs and user installs (group DMs, servers without the bot).</summary>
    GlobalWithUserInstall,

    /// <summary>One guild's commands (instant; for testing): that guild only.</summary>
    Guild,
}
