using System.CommandLine;
using GenAgent.Api;
using GenAgent.Cli.Hosting;
using GenAgent.Discord;
using GenAgent.Discord.Rest;
using GenAgent.Discord.Sessions.Commands;
using GenAgent.Discord.Sessions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenAgent.Cli.Commands;

/// <summary><c>genagent discord register [--guild id]</c>: bulk-overwrites GenAgent's slash commands with Discord.</summary>
internal static class DiscordCommand
{
    public static Command Create()
    {
        var guild = new Option<string?>("--guild")
        {
            Description = "Register in this guild only (instant; for testing). Without it the commands are global (can take up to an hour to appear).",
        };
        var userInstall = new Option<bool>("--user-install")
        {
            Description = "Also offer the commands where a user installed the app (group DMs, servers without the bot). Allow User Install on the portal's Installation page first. Global commands only.",
        };
        var register = new Command("register", "Replace GenAgent's slash commands (/imagine, /settings, /status, /cancel) with the current definitions.") { guild, userInstall };
        register.SetAction((parse, cancellationToken) => RegisterAsync(parse.GetValue(guild), parse.GetValue(userInstall), Console.Out, cancellationToken));
        return new Command("discord", "The Discord front end: register its commands (serve answers interactions when Discord__* is set).") { register };
    }

    internal static async Task<int> RegisterAsync(string? guildId, bool userInstall, TextWriter output, CancellationToken cancellationToken)
    {
        if (guildId is not null && userInstall) throw new CliException("--user-install applies to global commands; leave out --guild (guild commands exist only in that guild).");
        var configuration = CliConfiguration.Build();
        var discord = RequireConfigured(configuration);
        if (guildId is not null && !Snowflake.IsValid(guildId)) throw new CliException($"--guild must be a Discord id (digits only), not '{guildId}'.");
        var api = new ApiOptions();
        configuration.GetSection(ApiOptions.SectionName).Bind(api);

        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddDiscordClient(configuration)
            .BuildServiceProvider();
        // /imagine offers a negative prompt only when the default profile's generator takes one.
        var (_, profile) = CliConfiguration.Resolve(configuration, null);
        var commands = DiscordCommands.All(
            api.MaxPromptLength, guildId is not null ? CommandScope.Guild : userInstall ? CommandScope.GlobalWithUserInstall : CommandScope.Global,
            negativePrompts: GenAgent.Core.Backends.BackendCapabilities.Find(profile.Generator.Backend)?.NegativePrompt == true);
        var registered = await services.GetRequiredService<DiscordRestClient>()
            .BulkOverwriteCommandsAsync(discord.ApplicationId, guildId, commands, cancellationToken);
        var scope = guildId is null ? "globally" : $"in guild {guildId}";
        await output.WriteLineAsync($"Registered {registered.Count} commands {scope} for application {discord.ApplicationId}:");
        foreach (var command in registered)
            await output.WriteLineAsync($"  /{command.Name}  {command.Id}  {command.Description}");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The Discord options, or a one-line error naming every missing or malformed key (<c>Discord__PublicKey</c> ...)
    /// before anything starts.
    /// </summary>
    internal static DiscordOptions RequireConfigured(IConfiguration configuration)
    {
        var options = new DiscordOptions();
        configuration.GetSection(DiscordOptions.SectionName).Bind(options);
        var problems = DiscordOptionsValidator.Problems(options);
        if (problems.Count > 0) throw new CliException("the Discord configuration is not usable: " + string.Join(" ", problems));
        return options;
    }

    /// <summary>Whether serve should answer Discord interactions (any Discord key set); then every key must be valid.</summary>
    internal static bool IsConfigured(IConfiguration configuration)
    {
        if (!DiscordSessionsServiceCollectionExtensions.IsDiscordConfigured(configuration)) return false;
        RequireConfigured(configuration);
        return true;
    }
}
