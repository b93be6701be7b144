using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GenAgent.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Wires OpenTelemetry tracing and metrics for the GenAgent <see cref="GenAgentTelemetry.Source"/> and meter under
    /// the service name <paramref name="serviceName"/>. Exporters are the host's choice: add them in
    /// <paramref name="tracing"/> and <paramref name="metrics"/> (OTLP, Azure Monitor, console). Safe to call twice.
    /// </summary>
    public static IServiceCollection AddGenAgentTelemetry(
        this IServiceCollection services,
        string serviceName = "genagent",
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        services.AddOpenTelemetry()
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
