using GenAgent.GpuWorker.Batching;
using GenAgent.GpuWorker.Models;
using GenAgent.GpuWorker.Wire;
using GenAgent.Inference.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GenAgent.GpuWorker.Api;

/// <summary><c>GET /health</c>: what a load balancer, an operator and a test each need to see at a glance.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", Health);
        return routes;
    }

    public static Ok<HealthReply> Health(WorkerModels models, BatcherRegistry batchers, TextJudge textJudge)
    {
        var entries = models.Pipelines.Select(pipeline =>
        {
            var name = pipeline.Manifest.Name;
            var batcher = batchers.Get(name);
            var counters = batcher.Counters;
            var limits = pipeline.Limits;
            var memory = models.Memory(name);
            return new ModelHealth(
                name,
                ModelManifest.KindName(pipeline.Manifest.Kind),
                new ModelLimits(limits.DefaultWidth, limits.DefaultHeight, limits.SizeMultiple, limits.MaxWidth, limits.MaxHeight,
                    batcher.Settings.MaxBatch, limits.DefaultSteps, limits.SupportsEdit),
                memory?.FileBytes ?? 0,
                memory?.WorkingSetDelta ?? 0,
                batcher.QueueDepth,
                batcher.Settings.MaxQueue,
                counters.Batches,
                counters.JobsRun,
                counters.LargestBatch,
                counters.CancelledInQueue,
                counters.DroppedFromBatch,
                counters.Rejected,
                counters.FailedBatches);
        }).ToList();

        return TypedResults.Ok(new HealthReply(
            "ok",
            models.Provider,
            models.Policy,
            models.FallbackReason,
            entries,
            models.ClipJudgeName,
            new OcrHealth(textJudge.Engine is not null, textJudge.MissingReason)));
    }
}
