using GenAgent.Discord.Gateway;
using GenAgent.Discord.Interactions;
using GenAgent.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenAgent.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DiscordOptions"/> (bound from the <c>Discord</c> section, validated at start with one message
    /// naming every bad key), the typed <see cref="DiscordRestClient"/>, its shared rate limiter and the
    /// <see cref="InteractionVerifier"/>.
    /// </summary>
    public static IServiceCollection AddDiscordClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(DiscordRateLimiter)))
        {
            // Hosts and feature registrations may both call this; a second typed-client setup would send two User-Agents.
            return services;
        }

        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordRateLimiter>();
        services.AddHttpClient<DiscordRestClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
                http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
                http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
            })
            .AddTypedClient((http, provider) => new DiscordRestClient(
                http,
                provider.GetRequiredService<DiscordRateLimiter>(),
                provider.GetRequiredService<IOptions<DiscordOptions>>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<DiscordRestClient>>()));
        services.TryAddSingleton(provider => new InteractionVerifier(provider.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey));
        return services;
    }

    /// <summary>
    /// Runs the gateway connection as a hosted service; register an <see cref="IGatewayDispatchHandler"/> too. Needs
    /// <see cref="AddDiscordClient"/>.
    /// </summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(new GatewayTimings());
        services.TryAddSingleton(provider => new GatewayClient(
            // Typed clients are transient; the long-lived gateway asks for a fresh one when it needs REST.
            provider.GetRequiredService<DiscordRestClient>,
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetRequiredService<IGatewayDispatchHandler>(),
            provider.GetRequiredService<ILogger<GatewayClient>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<GatewayTimings>()));
        services.AddHostedService<GatewayService>();
        return services;
    }
}
