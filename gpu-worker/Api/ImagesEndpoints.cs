using System.Globalization;
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

/// <summary>The OpenAI Images API subset: generations and edits in b64_json, and the model list.</summary>
internal static class ImagesEndpoints
{
    public static IEndpointRouteBuilder MapImagesApi(this IEndpointRouteBuilder routes)
    {
        var v1 = routes.MapGroup("/v1");
        v1.MapPost("/images/generations", GenerateAsync);
        v1.MapPost("/images/edits", EditAsync).DisableAntiforgery();
        v1.MapGet("/models", ListModels);
        return routes;
    }

    public static Task<Results<Ok<ImagesReply>, JsonHttpResult<ErrorBody>>> GenerateAsync(
        HttpContext context, WorkerModels models, ImageSubmitter submitter, IOptions<WorkerOptions> options, ILogger<ImageSubmitter> logger) =>
        ApiCall.RunAsync(context, "images.generations", options.Value, logger, async () =>
        {
            var body = await RequestReader.ReadJsonAsync(context.Request, WorkerJsonContext.Default.ImagesGenerationBody);
            var prompt = RequestReader.RequirePrompt(body.Prompt);
            Logs.PromptReceived(logger, "images.generations", prompt);
            CheckResponseFormat(body.ResponseFormat);
            var pipeline = models.ForGeneration(body.Model);
            var n = JobChecks.Count(body.N ?? 1, options.Value);
            var (width, height) = SizeParser.Resolve(body.Size, pipeline.Limits, pipeline.Manifest.Name);
            var seed = SeedSource.Base(body.Seed);
            var steps = JobChecks.Steps(body.Steps);
            var guidance = JobChecks.Guidance(body.GuidanceScale);
            var jobs = Enumerable.Range(0, n)
                .Select(i => new ImageJob(prompt, width, height, seed + i, steps, guidance, body.NegativePrompt))
                .ToList();
            var images = await submitter.RunAsync(pipeline.Manifest.Name, new BatchKey(BatchMode.Generate, width, height), jobs, context.RequestAborted, RequestReader.IdempotencyKey(context.Request));
            return Reply(images);
        });

    public static Task<Results<Ok<ImagesReply>, JsonHttpResult<ErrorBody>>> EditAsync(
        HttpContext context, WorkerModels models, ImageSubmitter submitter, IOptions<WorkerOptions> options, ILogger<ImageSubmitter> logger) =>
        ApiCall.RunAsync(context, "images.edits", options.Value, logger, async () =>
        {
            if (!context.Request.HasFormContentType)
            {
                throw new InvalidRequestException(
                    $"Expected multipart/form-data with an image file and a prompt, got '{context.Request.ContentType ?? "none"}'.", null, "invalid_content_type");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var prompt = RequestReader.RequirePrompt(form["prompt"]);
            Logs.PromptReceived(logger, "images.edits", prompt);
            CheckResponseFormat(form["response_format"]);
            var file = form.Files.GetFile("image") ?? form.Files.GetFile("image[]")
                ?? throw new InvalidRequestException("The form has no 'image' file.", "image", "missing_image");
            byte[] source;
            using (var stream = new MemoryStream())
            {
                await file.CopyToAsync(stream, context.RequestAborted);
                source = stream.ToArray();
            }

            var (sourceWidth, sourceHeight) = ImageInput.Require(source, "image");
            var pipeline = models.ForEdit(NullIfEmpty(form["model"]));
            var n = JobChecks.Count(ParseInt(form["n"], "n") ?? 1, options.Value);
            var size = NullIfEmpty(form["size"]);
            var (width, height) = size is null && pipeline.Limits.CheckSize(sourceWidth, sourceHeight) is null
                ? (sourceWidth, sourceHeight)
                : SizeParser.Resolve(size, pipeline.Limits, pipeline.Manifest.Name);
            var strength = JobChecks.Strength(ParseFloat(form["strength"], "strength"));
            var seed = SeedSource.Base(ParseLong(form["seed"], "seed"));
            var steps = JobChecks.Steps(ParseInt(form["steps"], "steps"));
            var guidance = JobChecks.Guidance(ParseFloat(form["guidance_scale"], "guidance_scale"));
            var negative = NullIfEmpty(form["negative_prompt"]);
            var jobs = Enumerable.Range(0, n)
                .Select(i => new ImageJob(prompt, width, height, seed + i, steps, guidance, negative, source, strength))
                .ToList();
            var images = await submitter.RunAsync(pipeline.Manifest.Name, new BatchKey(BatchMode.Edit, width, height), jobs, context.RequestAborted, RequestReader.IdempotencyKey(context.Request));
            return Reply(images);
        });

    public static Ok<ModelList> ListModels(WorkerModels models) =>
        TypedResults.Ok(new ModelList(
            "list",
            models.Names.Select(name => new ModelEntry(name, "model", models.LoadedAt.ToUnixTimeSeconds(), "genagent-gpu-worker")).ToList()));

    private static ImagesReply Reply(IReadOnlyList<GeneratedImage> images) =>
        new(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), images.Select(i => new ImageDatum(Convert.ToBase64String(i.Png), null, i.Seed)).ToList());

    /// <summary>The worker has no image hosting, so only b64_json is possible; saying so beats a reply without URLs.</summary>
    private static void CheckResponseFormat(string? format)
    {
        if (!string.IsNullOrEmpty(format) && format != "b64_json")
        {
            throw new InvalidRequestException(
                $"response_format '{format}' is not supported; this worker answers b64_json only.", "response_format", "unsupported_response_format");
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static int? ParseInt(string? value, string param) =>
        NullIfEmpty(value) is null ? null
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : throw new InvalidRequestException($"{param} '{value}' is not an integer.", param, "invalid_" + param);

    private static long? ParseLong(string? value, string param) =>
        NullIfEmpty(value) is null ? null
        : long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : throw new InvalidRequestException($"{param} '{value}' is not an integer.", param, "invalid_" + param);

    private static float? ParseFloat(string? value, string param) =>
        NullIfEmpty(value) is null ? null
        : float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && float.IsFinite(parsed) ? parsed
        : throw new InvalidRequestException($"{param} '{value}' is not a number.", param, "invalid_" + param);
}
