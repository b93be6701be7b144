using System.Text.Json;
using System.Threading.Channels;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Workflow;
using GenAgent.Workflow.Engine;
using Spectre.Console;

namespace GenAgent.Cli.Output;

/// <summary>
/// Waits for a session while a spinner shows its round and phase, and prints each turn as the partial trajectory
/// (written to the store after every step) grows.
/// </summary>
internal sealed class LiveSession(IAnsiConsole console, ISessionEngine engine, IImageStore store)
{
    public async Task<SessionSnapshot> WatchAsync(string sessionId, CancellationToken cancellationToken)
    {
        var printer = new TurnPrinter(console, store);
        var updates = Channel.CreateUnbounded<SessionProgress>(new UnboundedChannelOptions { SingleReader = true });
        SessionSnapshot? snapshot = null;

        await console.Status().Spinner(Spinner.Known.Dots).StartAsync("starting", async status =>
        {
            var reader = PrintUpdatesAsync(sessionId, updates.Reader, status, printer, cancellationToken);
            try
            {
                snapshot = await engine.WaitForCompletionAsync(sessionId, new ChannelProgress(updates.Writer), cancellationToken);
            }
            finally
            {
                updates.Writer.TryComplete();
                await reader;
            }
        });

        var final = snapshot ?? throw new InvalidOperationException("The session ended without a snapshot.");
        if (final.Trajectory is not null) printer.PrintNew(final.Trajectory);
        return final;
    }

    private async Task PrintUpdatesAsync(string sessionId, ChannelReader<SessionProgress> updates, StatusContext status, TurnPrinter printer, CancellationToken cancellationToken)
    {
        var lastTurn = -1;
        await foreach (var progress in updates.ReadAllAsync(cancellationToken))
        {
            status.Status(Markup.Escape(Describe(progress)));
            if (progress.Turn == lastTurn) continue;
            lastTurn = progress.Turn;
            if (await ReadPartialAsync(sessionId, cancellationToken) is { } partial) printer.PrintNew(partial);
        }
    }

    private async Task<Trajectory?> ReadPartialAsync(string sessionId, CancellationToken cancellationToken)
    {
        var bytes = await store.TryGetAsync(SessionKeys.Trajectory(sessionId), cancellationToken);
        return bytes is null ? null : JsonSerializer.Deserialize(bytes, SessionJson.Default.Trajectory);
    }

    internal static string Describe(SessionProgress progress) => progress.Phase switch
    {
        SessionPhase.Starting => "starting",
        SessionPhase.Thinking => $"round {Math.Max(progress.Round, 1)}: thinking",
        SessionPhase.Generating => $"round {progress.Round}: generating",
        SessionPhase.Editing => $"round {progress.Round}: editing",
        SessionPhase.Finalizing => "finalizing",
        SessionPhase.Completed => "completed",
        SessionPhase.AwaitingFollowUp => $"episode {progress.Episode} done: waiting for a follow-up",
        _ => throw new InvalidOperationException($"Unknown session phase {progress.Phase}."),
    } + $" ({progress.ImagesUsed} image{(progress.ImagesUsed == 1 ? "" : "s")} so far)";

    /// <summary>Delivers progress in order on one reader; <see cref="Progress{T}"/> would hop to the thread pool unordered.</summary>
    private sealed class ChannelProgress(ChannelWriter<SessionProgress> writer) : IProgress<SessionProgress>
    {
        public void Report(SessionProgress value) => writer.TryWrite(value);
    }
}
