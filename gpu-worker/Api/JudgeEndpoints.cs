using GenAgent.GpuWorker.Configuration;
using GenAgent.GpuWorker.Models;
using GenAgent.GpuWorker.Wire;
using GenAgent.Ocr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenAgent.GpuWorker.Api;

/// <summary>The judges: CLIP image-text similarity, and an OCR check that an image contains a text.</summary>
internal static class JudgeEndpoints
{
    /// <summary>Images one CLIP call may score: a batch for a reward step, not an archive.</summary>
    public const int MaxClipImages = 64;

    public static IEndpointRouteBuilder MapJudgeApi(this IEndpointRouteBuilder routes)
    {
        var judge = routes.MapGroup("/v1/judge");
        judge.MapPost("/clip", ClipAsync);
        judge.MapPost("/text", TextAsync);
        return routes;
    }

    public static async Task<Results<Ok<ClipJudgeReply>, JsonHttpResult<ErrorBody>>> ClipAsync(
        HttpContext context, WorkerModels models, IOptions<WorkerOptions> options, ILogger<TextJudge> logger)
    {
        if (!models.HasClipJudge)
        {
            return Unavailable("No CLIP model is loaded: add a manifest of kind clip to the models folder.");
        }

        return await ApiCall.RunAsync(context, "judge.clip", options.Value, logger, async () =>
        {
            var body = await RequestReader.ReadJsonAsync(context.Request, WorkerJsonContext.Default.ClipJudgeBody);
            var text = RequestReader.RequirePrompt(body.Text, "text");
            var encoded = body.Images is { Count: > 0 } list ? list : body.Image is not null ? [body.Image] : [];
            if (encoded.Count == 0)
            {
                throw new InvalidRequestException("Give an image (base64) as 'image' or several as 'images'.", "image", "missing_image");
            }

            if (encoded.Count > MaxClipImages)
            {
                throw new InvalidRequestException($"Give at most {MaxClipImages} images per call; got {encoded.Count}.", "images", "too_many_images");
            }

            var images = encoded.Select((image, i) => ImageInput.FromBase64(image, body.Images is null ? "image" : $"images[{i}]")).ToList();
            var scores = await models.ScoreClipAsync(images, text, context.RequestAborted);
            return new ClipJudgeReply(models.ClipJudgeName!, scores);
        });
    }

    public static async Task<Results<Ok<TextJudgeReply>, JsonHttpResult<ErrorBody>>> TextAsync(
        HttpContext context, TextJudge judge, IOptions<WorkerOptions> options, ILogger<TextJudge> logger)
    {
        if (judge.Engine is not { } engine)
        {
            return Unavailable($"The OCR text judge is not loaded: {judge.MissingReason}");
        }

        return await ApiCall.RunAsync(context, "judge.text", options.Value, logger, async () =>
        {
            var body = await RequestReader.ReadJsonAsync(context.Request, WorkerJsonContext.Default.TextJudgeBody);
            var text = RequestReader.RequirePrompt(body.Text, "text");
            var image = ImageInput.FromBase64(body.Image, "image");
            // OCR is synchronous CPU/GPU work; keep it off the request thread so Kestrel stays responsive.
            var read = await Task.Run(() => engine.Read(image, context.RequestAborted), context.RequestAborted);
            var check = TextCheck.Check(read, text);
            return new TextJudgeReply(
                check.Contains,
                check.Similarity,
                check.Recognized,
                check.Lines.Select(l => new TextLine(l.Text, l.Confidence, l.Box.Select(p => new[] { p.X, p.Y }).ToList())).ToList());
        });
    }

    private static JsonHttpResult<ErrorBody> Unavailable(string message) =>
        ErrorResults.Create(StatusCodes.Status503ServiceUnavailable, message, "server_error", null, "judge_unavailable");
}
