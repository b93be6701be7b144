using GenAgent.Api;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Core.Telemetry;
using GenAgent.Discord.Sessions.Chat;
using GenAgent.Discord.Sessions.Hosting;
using GenAgent.Workflow.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GenAgent.Bot.Hosting;

/// <summary>
/// The gateway worker: the Discord client, the chat handler on the gateway, and a session engine whose publish
/// activity posts the rounds. Interactions stay on the HTTP endpoint (Functions or <c>genagent serve</c>): Discord
/// delivers them over HTTP or over the gateway, never both, so this worker handles messages only.
/// </summary>
internal static class BotHost
{
    /// <summary>
    /// Builds the host; <paramref name="configure"/> adds configuration sources after the defaults (tests point it at a
    /// fake Discord). Throws <see cref="BotConfigurationException"/> before starting anything when a key is missing.
    /// </summary>
    public static async Task<BotApplication> BuildAsync(string[] args, Action<IConfigurationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(args);
        // Built-in profiles sit below every other source, so appsettings, user secrets and the environment override them.
        builder.Configuration.AddGenAgentProfiles();
        configure?.Invoke(builder.Configuration);
        var settings = BotSettings.Read(builder.Configuration);

        // In-process by default, the Azure Storage engine when a durable connection string is set; the activities get the
        // agent, the tools, the store and the Discord progress posts, as genagent serve's do.
        var engine = await HostedEngine.CreateAsync(
            services => services.AddGenAgentCore(settings.GenAgent).AddDiscordProgressPosts(builder.Configuration, settings.Api),
            settings.Durable is null ? null : new AzureStorageEngineOptions(settings.Durable, settings.TaskHub),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            builder.Services.AddSingleton<ISessionEngine>(engine.Engine);
            builder.Services.AddSingleton<IImageStore>(engine.Store);
            builder.Services.AddGenAgentApi(settings.Api);
            builder.Services.AddDiscordSessions(builder.Configuration);
            builder.Services.AddDiscordChat();
            // Sessions' traces and metrics; to Application Insights when the container app has its connection string.
            builder.Services.AddGenAgentTelemetry("genagent-bot", builder.Configuration);
            return new BotApplication(builder.Build(), engine, settings);
        }
        catch
        {
            await engine.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
