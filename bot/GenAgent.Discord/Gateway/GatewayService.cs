using Microsoft.Extensions.Hosting;

namespace GenAgent.Discord.Gateway;

/// <summary>
/// Hosts the gateway connection. A <see cref="GatewayFatalException"/> ends it (and, with the host's default policy,
/// the process): reconnecting with a bad token or disallowed intents only burns the IDENTIFY budget.
/// </summary>
public sealed class GatewayService(GatewayClient client) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => client.RunAsync(stoppingToken);
}
