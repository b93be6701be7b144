using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenAgent.Discord.Sessions.Interactions;

/// <summary>
/// Runs the work interactions leave for after their answer (recording and starting sessions) on a few background
/// workers instead of one task per request. Under a burst of <c>/imagine</c> the answers then keep the CPU they need
/// to stay inside Discord's deadline, and the session starts follow as fast as the workers allow. Work still queued
/// when the host stops is dropped (its "thinking" message stays); the sessions it would have started never began.
/// </summary>
public sealed class SessionLaunches(ILogger<SessionLaunches> logger) : BackgroundService
{
    private readonly Channel<AfterAck> _queue = Channel.CreateUnbounded<AfterAck>(new UnboundedChannelOptions { SingleWriter = false });

    /// <summary>Half the cores: the other half answer interactions.</summary>
    public static int Workers => Math.Max(1, Environment.ProcessorCount / 2);

    public void Enqueue(AfterAck work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!_queue.Writer.TryWrite(work)) logger.LaunchDropped();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                // Each item reports its own failures to the user; one that still throws must not stop the worker.
                try
                {
                    await work.RunAfterAnswerAsync().ConfigureAwait(false);
                }
                catch (Exception failed) when (failed is not OperationCanceledException)
                {
                    logger.LaunchFailed(failed);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LaunchesStopped(_queue.Reader.Count);
        }
    }
}
