using GenAgent.Discord.Gateway;
using GenAgent.Discord.Rest;
using GenAgent.Discord.Sessions.Links;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GenAgent.Discord.Sessions.Chat;

public static class DiscordChatServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DiscordChatHandler"/> as the gateway's <see cref="IGatewayDispatchHandler"/> and the gateway
    /// service itself. Needs <c>AddDiscordSessions</c> (the starter) and an <c>ISessionEngine</c>.
    /// </summary>
    public static IServiceCollection AddDiscordChat(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<Func<DiscordRestClient>>(provider => provider.GetRequiredService<DiscordRestClient>);
        services.TryAddSingleton<IDiscordSessionLinks, StoreDiscordSessionLinks>();
        services.TryAddSingleton<ChatOrigins>();
        services.TryAddSingleton<IGatewayDispatchHandler, DiscordChatHandler>();
        services.AddDiscordGateway();
        return services;
    }
}
