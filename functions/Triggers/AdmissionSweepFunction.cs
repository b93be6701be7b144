using GenAgent.Core.Quotas;
using GenAgent.Functions.Engine;
using GenAgent.Workflow;
using GenAgent.Workflow.Quotas;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GenAgent.Functions.Triggers;

/// <summary>
/// Hourly: gives back the admission slots of sessions that have ended (instances come and go, so no request waits for
/// its session). A refused admission sweeps first (<c>TryAdmitSweepingAsync</c>), so this only tidies the ledger, and
/// an idle app runs 24 executions a day instead of 1,440.
/// </summary>
public sealed class AdmissionSweepFunction(ISessionAdmission admission, WorkflowOptions workflow)
{
    [Function("AdmissionSweep")]
    public async Task RunAsync(
        [TimerTrigger("0 0 * * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await admission.ReleaseEndedSessionsAsync(new DurableFunctionsSessionEngine(client, workflow), cancellationToken: cancellationToken);
    }
}
