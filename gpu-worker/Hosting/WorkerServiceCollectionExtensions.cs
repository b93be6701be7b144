using GenAgent.GpuWorker.Api;
using GenAgent.GpuWorker.Batching;
using GenAgent.GpuWorker.Configuration;
using GenAgent.GpuWorker.Models;
using GenAgent.GpuWorker.Telemetry;
using System.Text.Json;
using System.Text.Json.Serialization;
using GenAgent.GpuWorker.Wire;
using GenAgent.Core.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace GenAgent.GpuWorker.Hosting;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// Binds the worker's options, loads the models and the OCR judge (failing with a <see cref="WorkerStartupException"/>
    /// before anything listens), and registers batching, the HTTP JSON context and metrics.
    /// </summary>
    public static WebApplicationBuilder AddGpuWorker(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var worker = StartupOptions.Bind<WorkerOptions>(builder.Configuration, WorkerOptions.SectionName);
        var modelsOptions = StartupOptions.Bind<ModelsOptions>(builder.Configuration, ModelsOptions.SectionName);
        var ocr = StartupOptions.Bind<OcrSettings>(builder.Configuration, OcrSettings.SectionName);

        // The host's logging is not built yet; a bootstrap factory with the same configuration logs the loading.
        using var bootstrapLogging = LoggerFactory.Create(logging => logging
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true));
        var models = WorkerModels.Load(modelsOptions.Path!, worker, bootstrapLogging);
        var textJudge = TextJudgeLoader.Load(ocr, models.Factory, bootstrapLogging.CreateLogger<TextJudge>());

        var services = builder.Services;
        services.AddSingleton(Options.Create(worker));
        services.AddSingleton(Options.Create(modelsOptions));
        // Registered through factories so the container disposes their ONNX Runtime sessions with the host.
        services.AddSingleton(_ => models);
        services.AddSingleton(_ => textJudge);
        services.TryAddSingleton<IBatchRunner, PipelineBatchRunner>();
        services.AddSingleton<BatcherRegistry>();
        services.AddSingleton<ImageSubmitter>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IdempotentJobs>();
        services.AddSingleton<WorkerMetrics>();
        services.Configure<JsonOptions>(o =>
        {
            // The context's own options do not apply when it serves as a resolver for these: repeat its naming here.
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, WorkerJsonContext.Default);
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = worker.MaxRequestBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = worker.MaxRequestBytes);

        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("genagent-gpu-worker"));
        telemetry.WithMetrics(metrics => metrics
            .AddMeter(WorkerMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        // In Azure the same meter, the request traces and the logs also go to Application Insights.
        telemetry.UseAzureMonitorWhenConfigured(builder.Configuration);
        return builder;
    }
}
