using GenAgent.Core.Sessions;
using GenAgent.Workflow;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace GenAgent.Functions.Engine;

/// <summary>
/// The session engine inside the Functions app: the same orchestration, reached through the <see cref="DurableTaskClient"/>
/// that a <c>[DurableClient]</c> binding hands each invocation. It owns nothing, so one is made per request.
/// Starting, events and the status mapping come from <see cref="DurableClientSessionEngine"/>.
/// </summary>
public sealed class DurableFunctionsSessionEngine(DurableTaskClient client, WorkflowOptions workflow) : DurableClientSessionEngine(workflow)
{
    public override DurableTaskClient Client => client;

    /// <summary>Durable Functions' storage polls queues on a backoff of seconds; polling faster only costs storage reads.</summary>
    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(1);

    public override async Task<SessionSnapshot?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var metadata = await client.GetInstanceAsync(sessionId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return metadata is null ? null : ToSnapshot(metadata);
    }

    /// <summary>Nothing to release: the binding owns the client.</summary>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Reads the status and output with the client's own data converter: in Functions that is the worker's serializer,
    /// the one the orchestration wrote them with, which need not match the Durable Task default.
    /// </summary>
    internal static SessionSnapshot ToSnapshot(OrchestrationMetadata metadata)
    {
        var status = Map(metadata.RuntimeStatus);
        var progress = string.IsNullOrEmpty(metadata.SerializedCustomStatus) ? null : metadata.ReadCustomStatusAs<SessionProgress>();
        var trajectory = status == SessionRuntimeStatus.Completed && !string.IsNullOrEmpty(metadata.SerializedOutput)
            ? metadata.ReadOutputAs<Trajectory>()
            : null;
        return new SessionSnapshot(metadata.InstanceId, status, progress, trajectory, metadata.FailureDetails?.ErrorMessage);
    }
}
