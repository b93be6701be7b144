using System.CommandLine;
using GenAgent.Api;
using GenAgent.Api.Hosting;
using GenAgent.Cli.Eval;
using GenAgent.Cli.Hosting;
using GenAgent.Core.Protocol;
using GenAgent.Discord.Sessions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GenAgent.Cli.Commands;

/// <summary><c>genagent serve</c>: the session HTTP API on Kestrel, the same handlers the Functions app runs.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var profile = CommonOptions.Profile();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, ';'-separated (http://0.0.0.0:5080 for every interface: set --api-key then).",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var store = CommonOptions.Store();
        store.Description = "auto: a local Azurite with its data under the store folder (started or reused), so a restarted serve finishes its sessions; " +
            "or an Azure Storage connection string (UseDevelopmentStorage=true for a running Azurite). Default: in-process, sessions end with serve.";
        var taskHub = CommonOptions.TaskHub();
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "Require this key in x-api-key or Authorization: Bearer (default GenAgent:Api:ApiKey; none: open).",
        };
        var judge = CommonOptions.Judge("The judge POST /api/rewards scores with");
        var command = new Command("serve", "Serve the session HTTP API (start, poll, follow up, cancel, report pages, rewards, rollouts) until Ctrl+C.")
        {
            profile, urls, store, taskHub, apiKey, judge,
        };
        command.SetAction((parse, cancellationToken) => ServeAsync(
            parse.GetValue(profile), parse.GetValue(urls)!, parse.GetValue(store), parse.GetValue(taskHub)!, parse.GetValue(apiKey), parse.GetValue(judge)!, cancellationToken));
        return command;
    }

    private static async Task<int> ServeAsync(
        string? profile, string urls, string? durableStore, string taskHub, string? apiKey, string judgeName, CancellationToken cancellationToken)
    {
        var configuration = CliConfiguration.Build();
        var (name, options) = CliConfiguration.Resolve(configuration, profile);
        var api = CliConfiguration.Api(configuration, options, apiKey);
        var protocol = CliConfiguration.Protocol(options);

        // --store auto: a local Azurite with its data beside the store, so a restarted serve finishes its sessions.
        var azurite = string.Equals(durableStore, LocalAzurite.AutoStore, StringComparison.OrdinalIgnoreCase)
            ? await LocalAzurite.StartOrReuseAsync(Path.Combine(options.Store.Path, "azurite"), AzuritePort(configuration), cancellationToken)
            : null;
        if (azurite is not null) durableStore = azurite.ConnectionString;

        // With Discord configured, progress posts run inside the engine's publish activity and serve answers interactions.
        var discord = DiscordCommand.IsConfigured(configuration);
        await using var host = await EngineFactory.CreateAsync(
            options, durableStore, taskHub, cancellationToken, discord ? services => services.AddDiscordProgressPosts(configuration, api) : null);
        await using var judge = JudgeCatalog.Create(judgeName, options);
        await using var app = ServeHost.Build(host.Engine, host.Store, api, urls, configure: builder =>
        {
            builder.Services.AddSingleton(judge.Judge);
            // POST /api/rollouts writes the messages as the policy saw them.
            builder.Services.AddSingleton(protocol);
            if (discord) builder.Services.AddDiscordSessions(configuration);
        });
        if (discord) app.MapDiscordInteractions();
        await app.StartAsync(cancellationToken);
        var engine = durableStore is null ? "in-process engine (sessions end with this process)"
            : $"Azure Storage engine, task hub {taskHub}{(azurite is null ? "" : $" on {azurite.Description}")}";
        await Console.Out.WriteLineAsync($"genagent serve: {string.Join(' ', app.Urls)}  profile {name}, {engine}, {(string.IsNullOrEmpty(api.ApiKey) ? "no API key" : "API key required")}{(discord ? $", Discord interactions at {DiscordInteractionsEndpoint.Route}" : "")}. Ctrl+C stops.");
        // Ctrl+C and SIGTERM stop the host: it stops accepting requests, lets in-flight ones finish, then the engine is disposed.
        await app.WaitForShutdownAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }

    private static int AzuritePort(IConfiguration configuration)
    {
        var text = configuration[LocalAzurite.PortSetting];
        if (text is null) return 10000;
        return int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65534
            ? port
            : throw new CliException($"{LocalAzurite.PortSetting} must be a port number (the blob port; queue and table take the next two), not '{text}'.");
    }
}
