using GenAgent.Core.Tools;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Orchestrations;

/// <summary>Retries a model or tool call only when it failed with <see cref="TransientToolException"/>, backing off on orchestration timers.</summary>
internal static class ToolRetry
{
    public static TaskOptions Options(WorkflowOptions workflow, string sessionId, ILogger logger) =>
        TaskOptions.FromRetryHandler(async retry =>
        {
            if (!IsTransient(retry.LastFailure) || retry.LastAttemptNumber >= workflow.MaxAttempts)
                return false;
            var delay = workflow.DelayBeforeRetry(retry.LastAttemptNumber);
            logger.Retrying(sessionId, retry.LastFailure.ErrorType, retry.LastAttemptNumber, delay);
            await retry.OrchestrationContext.CreateTimer(delay, retry.CancellationToken);
            return true;
        });

    public static bool IsTransient(TaskFailureDetails failure) =>
        failure.IsCausedBy<TransientToolException>() || failure.ErrorType == typeof(TransientToolException).FullName;
}
