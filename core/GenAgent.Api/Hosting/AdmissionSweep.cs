using GenAgent.Core.Quotas;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Quotas;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenAgent.Api.Hosting;

/// <summary>
/// Gives back the admission slots of sessions that have ended. One sweep for all sessions, rather than a waiter per
/// request, so a slot is freed even when the request that took it is long gone.
/// </summary>
internal sealed partial class AdmissionSweep(ISessionAdmission admission, ISessionEngine engine, ILogger<AdmissionSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await admission.ReleaseEndedSessionsAsync(engine, cancellationToken: stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a failed sweep only delays freeing slots.
                SweepFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Releasing the admission slots of ended sessions failed")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
