using GenAgent.Discord.Wire;
using N = GenAgent.Discord.Sessions.Commands.CommandNames;

namespace GenAgent.Discord.Sessions.Commands;

/// <summary>The slash commands GenAgent registers (<c>genagent discord register</c>), checked against <see cref="DiscordLimits"/>.</summary>
public static class DiscordCommands
{
    /// <param name="maxPromptLength">The API's prompt limit, which the prompt option repeats.</param>
    /// <param name="scope">
    /// Where the commands are registered and which installs they serve. Global, guild install (a new application's only
    /// install type): servers and the bot's DMs. Global with user install (the portal's Installation page must allow
    /// User Install first, or Discord refuses the registration): also group DMs and servers that did not install the
    /// app. One guild (for testing): that guild only; guild commands carry no DM context.
    /// </param>
    /// <param name="negativePrompts">The generator takes a negative prompt, so /imagine offers one; otherwise it does not.</param>
    public static IReadOnlyList<ApplicationCommand> All(int maxPromptLength = 2000, CommandScope scope = CommandScope.Global, bool negativePrompts = false)
    {
        IReadOnlyList<ApplicationCommand> commands =
        [
            With(ImagineCommand(maxPromptLength, negativePrompts), scope), With(SettingsCommand(), scope), With(StatusCommand(), scope), With(CancelCommand(), scope),
        ];
        CommandDefinitionValidator.ThrowIfInvalid(commands);
        return commands;
    }

    private static ApplicationCommand With(ApplicationCommand command, CommandScope scope) => scope switch
    {
        CommandScope.Global => command with
        {
            Contexts = [InteractionContextType.Guild, InteractionContextType.BotDm],
            IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
        },
        CommandScope.GlobalWithUserInstall => command with
        {
            Contexts = [InteractionContextType.Guild, InteractionContextType.BotDm, InteractionContextType.PrivateChannel],
            IntegrationTypes = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
        },
        CommandScope.Guild => command with
        {
            Contexts = [InteractionContextType.Guild],
            IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    private static ApplicationCommand ImagineCommand(int maxPromptLength, bool negativePrompts) => new()
    {
        Name = N.Imagine,
        Description = "Draw a picture: the agent reasons, draws, judges its image and tries again.",
        Options =
        [
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = N.Prompt, Description = "What to draw", Required = true, MinLength = 1, MaxLength = Math.Min(maxPromptLength, DiscordLimits.StringOptionLength) },
            EffortOption("How hard to try: low = one image, medium = the agent loop, high = several attempts judged"),
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.Attachment, Name = N.Image, Description = "An image to start from (image-to-image)" },
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.Boolean, Name = N.Private, Description = "Only you see the results" },
            new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.String, Name = N.Aspect, Description = "The picture's shape (default square)",
                Choices = [.. GenAgent.Workflow.Starting.AspectRatios.Names.Select(a => ApplicationCommandChoice.Of(a, a))],
            },
            .. negativePrompts
                ? [new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = N.Negative, Description = "What the picture should not show", MaxLength = 1000 }]
                : Array.Empty<ApplicationCommandOption>(),
        ],
    };

    private static ApplicationCommand SettingsCommand() => new()
    {
        Name = N.Settings,
        Description = "Your defaults, and (for server admins) where and how often GenAgent runs here.",
        Options =
        [
            Sub(N.User, "Your defaults for /imagine (leave all empty to see them)",
                EffortOption("Default effort"),
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.Boolean, Name = N.Threads, Description = "Post rounds in a thread of their own" },
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.Boolean, Name = N.Private, Description = "Only you see the results" }),
            Sub(N.Show, "Show this server's GenAgent settings"),
            Sub(N.Channels, "Admins: channels where GenAgent may run (none listed = everywhere)",
                ActionOption(),
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.Channel, Name = N.Channel, Description = "The channel to add or remove", ChannelTypes = [ChannelType.GuildText, ChannelType.PublicThread, ChannelType.GuildForum] }),
            Sub(N.Nsfw, "Admins: where NSFW prompts may run",
                new ApplicationCommandOption
                {
                    Type = ApplicationCommandOptionType.String, Name = N.Policy, Description = "Age-restricted channels only, or never", Required = true,
                    Choices = [ApplicationCommandChoice.Of("Only in age-restricted channels", N.AgeRestricted), ApplicationCommandChoice.Of("Never", N.Never)],
                }),
            Sub(N.Limits, "Admins: per-user and per-server limits (leave empty to keep)",
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.Integer, Name = N.Concurrent, Description = "Sessions one user may run at once", MinValue = 1, MaxValue = 100 },
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.Integer, Name = N.Cooldown, Description = "Seconds between two starts of one user (0 = none)", MinValue = 0, MaxValue = 86400 },
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.Integer, Name = N.DailyQuota, Description = "Sessions this server may start per day (0 = unlimited)", MinValue = 0, MaxValue = 1_000_000 }),
            Sub(N.Blocklist, "Admins: words refused in prompts",
                ActionOption(),
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = N.Term, Description = "The word or phrase", MaxLength = 100 }),
        ],
    };

    private static ApplicationCommand StatusCommand() => new()
    {
        Name = N.Status,
        Description = "Your sessions: what they are doing, and your use today.",
    };

    private static ApplicationCommand CancelCommand() => new()
    {
        Name = N.Cancel,
        Description = "Stop one of your running sessions (the newest when none is named).",
        Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = N.Session, Description = "The session to stop", Autocomplete = true }],
    };

    private static ApplicationCommandOption EffortOption(string description) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = N.Effort,
        Description = description,
        Choices = [ApplicationCommandChoice.Of("low", "low"), ApplicationCommandChoice.Of("medium", "medium"), ApplicationCommandChoice.Of("high", "high")],
    };

    private static ApplicationCommandOption ActionOption() => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = N.Action,
        Description = "Add, remove or list",
        Required = true,
        Choices = [ApplicationCommandChoice.Of(N.Add, N.Add), ApplicationCommandChoice.Of(N.Remove, N.Remove), ApplicationCommandChoice.Of(N.List, N.List)],
    };

    private static ApplicationCommandOption Sub(string name, string description, params IReadOnlyList<ApplicationCommandOption> options) => new()
    {
        Type = ApplicationCommandOptionType.SubCommand,
        Name = name,
        Description = description,
        Options = options.Count == 0 ? null : options,
    };
}
