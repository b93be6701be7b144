using System.Text.Json;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Gateway;

/// <summary>Heartbeats: the first after interval x random(0..1), then every interval; a missing ACK ends the connection.</summary>
public sealed partial class GatewayClient
{
    private async Task HeartbeatLoopAsync(
        GatewayConnection connection, HeartbeatState state, TimeSpan interval, CancellationTokenSource zombie, CancellationToken cancellationToken)
    {
        try
        {
            // Jitter on the first beat spreads many clients' heartbeats after a mass reconnect.
            await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (state.AwaitingAck)
                {
                    logger.GatewayZombie();
                    state.Zombie = true;
                    await zombie.CancelAsync().ConfigureAwait(false);
                    return;
                }

                await SendHeartbeatAsync(connection, state, cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The connection ended; its heartbeats end with it.
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or InvalidOperationException or ObjectDisposedException)
        {
            // The socket died or began closing under a send; the receive loop sees the same end and reports it.
            logger.GatewayHeartbeatStopped(e.Message);
        }
    }

    private Task SendHeartbeatAsync(GatewayConnection connection, HeartbeatState state, CancellationToken cancellationToken)
    {
        state.TrySend();
        var data = Sequence is { } s ? JsonSerializer.SerializeToElement(s, DiscordJsonContext.Default.Int64) : (JsonElement?)null;
        return connection.SendAsync(GatewayOpCode.Heartbeat, data, cancellationToken);
    }
}
