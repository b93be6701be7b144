using System.Text.Json;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Progress;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Activities;

/// <summary>
/// Writes the partial trajectory and tells every observer. Idempotent: the file is overwritten with the same content,
/// and observers can recognise a repeated update by session id and turn.
/// </summary>
public sealed class PublishProgressActivity(IImageStore store, IEnumerable<ISessionObserver> observers, ILogger<PublishProgressActivity> logger)
    : TaskActivity<PublishProgressInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, PublishProgressInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = SessionLogScope.Begin(logger, input.SessionId);
        var json = JsonSerializer.SerializeToUtf8Bytes(input.Trajectory, SessionJson.Default.Trajectory);
        await store.PutAsync(SessionKeys.Trajectory(input.SessionId), json, "application/json").ConfigureAwait(false);
        await SessionObservers.NotifyAsync(observers, input.SessionId, input.Progress, input.Trajectory, logger).ConfigureAwait(false);
        return true;
    }
}
