using GenAgent.Api.Rewards;
using GenAgent.Api.Rollouts;
using GenAgent.Core.Telemetry;
using GenAgent.Api.Sessions;
using GenAgent.Core.Images;
using GenAgent.Core.Quotas;
using GenAgent.Workflow.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenAgent.Api.Hosting;

/// <summary>
/// The self-hosted API: Kestrel with the session API over a given engine and store. <c>genagent serve</c> and the
/// tests build the same application here, so what the tests exercise is what serve runs.
/// </summary>
public static class ServeHost
{
    /// <summary>How long a stopping server lets in-flight requests finish.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);

    /// <param name="engine">Runs the sessions; the caller owns and disposes it after the app stops.</param>
    /// <param name="store">The store the engine's activities write to.</param>
    /// <param name="api">Limits and the optional API key.</param>
    /// <param name="urls">Where Kestrel listens, e.g. <c>http://127.0.0.1:5080</c> (port 0 picks a free one).</param>
    /// <param name="admission">Overrides of the admission limits, which otherwise bind from <c>GenAgent:Admission</c>.</param>
    /// <param name="configure">Adds services of optional front ends (Discord), after the API's own.</param>
    public static WebApplication Build(
        ISessionEngine engine, IImageStore store, ApiOptions api, string urls, Action<AdmissionOptions>? admission = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(urls);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes(api));
        // Request logs at Information would drown the lifetime lines (where it listens, that it stops).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSingleton(engine);
        builder.Services.AddSingleton(store);
        builder.Services.AddGenAgentApi(api);
        builder.Services.AddHostedService<AdmissionSweep>();
        // The sessions' traces and metrics (the engine's activities run in this process); to Application Insights when
        // APPLICATIONINSIGHTS_CONNECTION_STRING is set.
        builder.Services.AddGenAgentTelemetry("genagent-serve", builder.Configuration);
        if (admission is not null) builder.Services.PostConfigure(admission);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapSessionsApi();
        app.MapRewardsApi();
        app.MapRolloutsApi();
        return app;
    }

    /// <summary>The largest image as base64 (4 characters per 3 bytes) plus room for the prompt and options.</summary>
    internal static long MaxBodyBytes(ApiOptions api) => api.MaxImageBytes * 4L / 3 + 64 * 1024;
}
