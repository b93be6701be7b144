using GenAgent.GpuWorker.Api;
using GenAgent.GpuWorker.Batching;
using GenAgent.GpuWorker.Models;
using GenAgent.GpuWorker.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.GpuWorker.Hosting;

public static class WorkerEndpointRouteBuilderExtensions
{
    /// <summary>Maps every endpoint, counts requests per route and status, and starts the batchers.</summary>
    public static WebApplication MapGpuWorkerApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var metrics = app.Services.GetRequiredService<WorkerMetrics>();
        var models = app.Services.GetRequiredService<WorkerModels>();
        var runTimer = models.Factory.RunTimer;
        metrics.ObserveRunTime(() => runTimer.TotalRunTime, () => runTimer.RunCount);
        // Creating the registry starts each model's batch loop now rather than on the first request.
        app.Services.GetRequiredService<BatcherRegistry>();

        app.Use(async (context, next) =>
        {
            await next(context);
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            metrics.Request(route, context.Response.StatusCode);
        });
        app.UseWorkerApiKey();
        app.MapImagesApi();
        app.MapPaperApi();
        app.MapJudgeApi();
        app.MapHealthApi();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
