using System.Text.Json;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Gateway;

/// <summary>IDENTIFY (rate limited: one per 5 s per max_concurrency key, and the daily session-start budget) and RESUME.</summary>
public sealed partial class GatewayClient
{
    private GatewayBotInfo? gatewayInfo;

    /// <summary>
    /// Waits for the identify rate limit before connecting, not after HELLO: a wait there would leave heartbeat ACKs
    /// unread and make a healthy connection look dead.
    /// </summary>
    private async Task WaitForIdentifySlotAsync(CancellationToken cancellationToken)
    {
        // One shard, so its rate-limit key (shard id % max_concurrency) is always 0: identifies are spaced, not batched.
        var wait = lastIdentify + timings.IdentifySpacing - time.GetUtcNow();
        if (gatewayInfo?.SessionStartLimit is { Remaining: <= 0, ResetAfter: > 0 } limit)
        {
            var untilReset = TimeSpan.FromMilliseconds(limit.ResetAfter);
            wait = untilReset > wait ? untilReset : wait;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task IdentifyAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        lastIdentify = time.GetUtcNow();
        var identify = new GatewayIdentify
        {
            Token = options.BotToken,
            Intents = (int)Intents,
            Properties = new GatewayIdentifyProperties { Os = Environment.OSVersion.Platform.ToString().ToLowerInvariant() },
        };
        await connection.SendAsync(GatewayOpCode.Identify, JsonSerializer.SerializeToElement(identify, DiscordJsonContext.Default.GatewayIdentify), cancellationToken)
            .ConfigureAwait(false);
    }

    private Task SendResumeAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        var resume = new GatewayResume { Token = options.BotToken, SessionId = SessionId!, Seq = Sequence };
        return connection.SendAsync(GatewayOpCode.Resume, JsonSerializer.SerializeToElement(resume, DiscordJsonContext.Default.GatewayResume), cancellationToken);
    }
}
