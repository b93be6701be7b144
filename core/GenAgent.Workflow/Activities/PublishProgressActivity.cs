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
        foreach (var observer in observers)
        {
            // Progress is advisory: an observer that is down (a chat bot offline) must not fail the session.
            try
            {
                await observer.OnProgressAsync(input.SessionId, input.Progress, input.Trajectory).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.ObserverFailed(ex, input.SessionId, observer.GetType().Name);
            }
        }
        return true;
    }
}
