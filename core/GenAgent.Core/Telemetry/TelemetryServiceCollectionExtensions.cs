using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GenAgent.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Wires OpenTelemetry tracing and metrics for the GenAgent <see cref="GenAgentTelemetry.Source"/> and meter under
    /// the service name <paramref name="serviceName"/>. With <paramref name="configuration"/>, Azure Monitor exports
    /// them when the host has an Application Insights connection string (<see cref="AzureMonitorExport"/>); other
    /// exporters are the host's choice in <paramref name="tracing"/> and <paramref name="metrics"/>. Call it once per host.
    /// </summary>
    public static IServiceCollection AddGenAgentTelemetry(
        this IServiceCollection services,
        string serviceName = "genagent",
        IConfiguration? configuration = null,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var telemetry = services.AddOpenTelemetry();
        if (configuration is not null)
        {
            telemetry.UseAzureMonitorWhenConfigured(configuration);
        }

        telemetry
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(builder =>
            {
                builder.AddSource(GenAgentTelemetry.Name);
                tracing?.Invoke(builder);
            })
            .WithMetrics(builder =>
            {
                builder.AddMeter(GenAgentTelemetry.Name);
                metrics?.Invoke(builder);
            });
        return services;
    }
}
