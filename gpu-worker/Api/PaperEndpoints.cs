using GenAgent.GpuWorker.Batching;
using GenAgent.GpuWorker.Configuration;
using GenAgent.GpuWorker.Models;
using GenAgent.GpuWorker.Wire;
using GenAgent.Inference.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenAgent.GpuWorker.Api;

/// <summary>
/// The GenAgent paper's tool-server protocol, so the authors' client can use this worker unchanged: one prompt per
/// image; with <c>image</c> it edits (one source image for all prompts, or one per prompt).
/// </summary>
internal static class PaperEndpoints
{
    /// <summary>The reference server's fixed seed; a request may pass its own.</summary>
    public const long DefaultSeed = 0;

    public static IEndpointRouteBuilder MapPaperApi(this IEndpointRouteBuilder routes)
    {
        // Routing ignores a trailing slash, so this serves /generate too.
        routes.MapPost("/generate/", GenerateAsync);
        return routes;
    }

    public static Task<Results<Ok<PaperGenerateReply>, JsonHttpResult<ErrorBody>>> GenerateAsync(
        HttpContext context, WorkerModels models, ImageSubmitter submitter, IOptions<WorkerOptions> options, ILogger<ImageSubmitter> logger) =>
        ApiCall.RunAsync(context, "generate", options.Value, logger, async () =>
        {
            var body = await RequestReader.ReadJsonAsync(context.Request, WorkerJsonContext.Default.PaperGenerateBody);
            var prompts = body.Prompt ?? [];
            if (prompts.Count == 0)
            {
                throw new InvalidRequestException("prompt must be a non-empty list of strings.", "prompt", "empty_prompt");
            }

            foreach (var prompt in prompts)
            {
                RequestReader.RequirePrompt(prompt);
                Logs.PromptReceived(logger, "generate", prompt);
            }

            JobChecks.Count(prompts.Count, options.Value);
            var sources = (body.Image ?? []).Select((image, i) => ImageInput.FromBase64(image, $"image[{i}]")).ToList();
            if (sources.Count > 1 && sources.Count != prompts.Count)
            {
                throw new InvalidRequestException(
                    $"Give one image for all prompts or one per prompt; got {sources.Count} images for {prompts.Count} prompts.", "image", "image_count");
            }

            var edit = sources.Count > 0;
            var pipeline = edit ? models.ForPaperEdit() : models.ForPaperGenerate();
            var name = pipeline.Manifest.Name;
            var width = body.Width ?? pipeline.Limits.DefaultWidth;
            var height = body.Height ?? pipeline.Limits.DefaultHeight;
            SizeParser.Check(width, height, pipeline.Limits, name, body.Width is null ? "height" : "width");
            var strength = JobChecks.Strength(body.Strength);
            var steps = JobChecks.Steps(body.NumInferenceSteps, "num_inference_steps");
            var guidance = JobChecks.Guidance(body.GuidanceScale);

            var seed = body.Seed ?? DefaultSeed;
            var jobs = prompts
                .Select((prompt, i) => new ImageJob(
                    prompt, width, height, seed + i, steps, guidance,
                    InitImage: edit ? sources[Math.Min(i, sources.Count - 1)] : null, Strength: strength))
                .ToList();
            var images = await submitter.RunAsync(name, new BatchKey(edit ? BatchMode.Edit : BatchMode.Generate, width, height), jobs, context.RequestAborted, RequestReader.IdempotencyKey(context.Request));
            return new PaperGenerateReply("success", images.Select(i => Convert.ToBase64String(i.Png)).ToList());
        });
}
