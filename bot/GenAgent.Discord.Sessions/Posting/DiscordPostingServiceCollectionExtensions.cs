using GenAgent.Discord.Sessions.Links;
using GenAgent.Workflow.Progress;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GenAgent.Discord.Sessions.Posting;

public static class DiscordPostingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the session links on the store and <see cref="DiscordProgressObserver"/> as an <see cref="ISessionObserver"/>.
    /// Call it where the engine's activities resolve their services, with <c>AddDiscordClient</c> and <c>AddGenAgentCore</c>.
    /// The Trajectory button appears when <c>ReportLinks</c> is registered there too (<c>AddDiscordSessions</c> does).
    /// </summary>
    public static IServiceCollection AddDiscordPosting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IDiscordSessionLinks, StoreDiscordSessionLinks>();
        services.TryAddSingleton<ChatOrigins>();
        services.TryAddSingleton(TimeProvider.System);
        // Transient: it holds a typed HttpClient, which must not outlive its pooled handler.
        services.TryAddEnumerable(ServiceDescriptor.Transient<ISessionObserver, DiscordProgressObserver>());
        return services;
    }
}
