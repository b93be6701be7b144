using GenAgent.Api;
using GenAgent.Discord.Sessions.Components;
using GenAgent.Discord.Sessions.Interactions;
using GenAgent.Discord.Sessions.Links;
using GenAgent.Discord.Sessions.Posting;
using GenAgent.Discord.Sessions.Safety;
using GenAgent.Discord.Sessions.Settings;
using GenAgent.Discord.Sessions.Starting;
using GenAgent.Workflow.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GenAgent.Discord.Sessions.Hosting;

public static class DiscordSessionsServiceCollectionExtensions
{
    /// <summary>
    /// Whether the host should serve Discord at all: any of <c>Discord:PublicKey</c>, <c>Discord:ApplicationId</c> or
    /// <c>Discord:BotToken</c> is set. Once on, every key is validated at start and a bad one stops the host.
    /// </summary>
    public static bool IsDiscordConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DiscordOptions.SectionName);
        return !string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.PublicKey)])
            || !string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.ApplicationId)])
            || !string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.BotToken)]);
    }

    /// <summary>
    /// Registers the Discord client and what the interactions endpoint needs: settings, safety, the session starter,
    /// report links and the handler. The host registers the <see cref="ISessionEngine"/>, the image store and the API
    /// options (<c>AddGenAgentApi</c>); the Functions app, whose engine is made per invocation, builds the handler with
    /// <see cref="CreateHandler"/> instead of resolving it.
    /// </summary>
    public static IServiceCollection AddDiscordSessions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        AddShared(services, configuration);
        services.TryAddSingleton<IDiscordSessionLinks, StoreDiscordSessionLinks>();
        services.TryAddSingleton<DiscordSettingsStore>();
        services.TryAddSingleton(provider => new SafetyPolicy(provider.GetRequiredService<IOptions<DiscordSessionsOptions>>().Value));
        services.TryAddSingleton(provider => new ReportLinks(
            provider.GetRequiredService<IOptions<DiscordSessionsOptions>>().Value, provider.GetRequiredService<ApiOptions>()));
        services.TryAddSingleton<DiscordSessionStarter>();
        services.TryAddSingleton<DiscordInteractionHandler>();
        services.TryAddSingleton<InteractionReplays>();
        services.TryAddSingleton<SessionLaunches>();
        services.AddHostedService(provider => provider.GetRequiredService<SessionLaunches>());
        return services;
    }

    /// <summary>
    /// What the engine's activities need to post progress to Discord (the PublishProgress activity runs the observer):
    /// the client, the posting observer and the report links for the Trajectory button. Call it in the services the
    /// engine resolves its activities from; <paramref name="api"/> is the API's options (its key signs report links).
    /// </summary>
    public static IServiceCollection AddDiscordProgressPosts(this IServiceCollection services, IConfiguration configuration, ApiOptions api)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(api);
        AddShared(services, configuration);
        services.TryAddSingleton(provider => new ReportLinks(provider.GetRequiredService<IOptions<DiscordSessionsOptions>>().Value, api));
        services.AddDiscordPosting();
        return services;
    }

    private static void AddShared(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDiscordClient(configuration);
        services.AddOptions<DiscordSessionsOptions>()
            .Bind(configuration.GetSection(DiscordSessionsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
    }

    /// <summary>
    /// The handler (and its session starter) over <paramref name="engine"/>, for hosts that make an engine per request
    /// (the Functions app); sessions start before the answer, while the engine is still valid.
    /// </summary>
    public static DiscordInteractionHandler CreateHandler(IServiceProvider services, ISessionEngine engine)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(engine);
        var starter = ActivatorUtilities.CreateInstance<DiscordSessionStarter>(services, engine);
        var handler = ActivatorUtilities.CreateInstance<DiscordInteractionHandler>(services, engine, starter);
        handler.LaunchBeforeAnswer = true;
        return handler;
    }
}
