using Azure.Identity;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;

namespace GenAgent.Core.Telemetry;

/// <summary>
/// The one rule for Application Insights, shared by every deployable (the GPU worker links this file): when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, the host's traces, metrics and logs go to Azure Monitor;
/// otherwise nothing is exported there. The deployed resource refuses instrumentation keys (local auth off), so with
/// <c>AZURE_CLIENT_ID</c> set the exporter signs in as that user-assigned identity.
/// </summary>
#if GENAGENT_WORKER
internal
#else
public
#endif
static class AzureMonitorExport
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public const string ClientIdSetting = "AZURE_CLIENT_ID";

    /// <summary>Adds the Azure Monitor exporter when the connection string is configured; returns whether it did.</summary>
    public static bool UseAzureMonitorWhenConfigured(this OpenTelemetryBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        var clientId = configuration[ClientIdSetting];
        builder.UseAzureMonitor(options =>
        {
            options.ConnectionString = connectionString;
            // Every trace, not the distro's default of 5 a second: a GPU-bound service handles few requests, and a
            // session's trace is what explains a slow or failed one.
            options.TracesPerSecond = null;
            options.SamplingRatio = 1.0F;
            if (!string.IsNullOrWhiteSpace(clientId))
            {
                options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            }
        });
        return true;
    }
}
