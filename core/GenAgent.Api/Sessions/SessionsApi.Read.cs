using System.Text;
using System.Text.Json;
using GenAgent.Api.Wire;
using GenAgent.Core.Images;
using GenAgent.Core.Reports;
using GenAgent.Core.Sessions;
using GenAgent.Workflow;
using GenAgent.Workflow.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GenAgent.Api.Sessions;

public static partial class SessionsApi
{
    private static readonly Dictionary<string, string> ImageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".webp"] = "image/webp",
    };

    /// <summary><c>GET /api/sessions/{id}</c>: status, live progress, the rounds so far and, once settled, the outcome.</summary>
    internal static async Task<Results<Ok<SessionStatusResponse>, ProblemHttpResult>> GetAsync(
        string id,
        HttpRequest request,
        [FromServices] ISessionEngine engine,
        [FromServices] IImageStore store,
        [FromServices] ApiOptions options,
        CancellationToken cancellationToken)
    {
        var view = await SessionView.LoadAsync(id, engine, store, cancellationToken);
        if (view is null) return ApiProblems.UnknownSession(id);
        return TypedResults.Ok(StatusMapper.ToResponse(view, new ImageLinks(request, store, id, options.ApiKey)));
    }

    /// <summary><c>GET /api/sessions/{id}/trajectory</c>: the trajectory JSON, partial while the session runs.</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetTrajectoryAsync(
        string id, [FromServices] ISessionEngine engine, [FromServices] IImageStore store, CancellationToken cancellationToken)
    {
        var view = await SessionView.LoadAsync(id, engine, store, cancellationToken);
        if (view is null) return ApiProblems.UnknownSession(id);
        if (view.Trajectory is null) return ApiProblems.NotFound($"Session '{id}' has no trajectory yet; poll its status.");
        return TypedResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(view.Trajectory, SessionJson.Default.Trajectory), "application/json");
    }

    /// <summary><c>GET /api/sessions/{id}/images/{name}</c>: an image under the session's folder, and nothing outside it.</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetImageAsync(
        string id, string name, [FromServices] IImageStore store, CancellationToken cancellationToken)
    {
        if (!SessionIds.IsWellFormed(id) || !IsSafeImageName(name, out var mediaType)) return ApiProblems.NotFound($"No image '{name}' in session '{id}'.");
        var bytes = await store.TryGetAsync($"{SessionKeys.Folder(id)}/{name}", cancellationToken);
        return bytes is null ? ApiProblems.NotFound($"No image '{name}' in session '{id}'.") : TypedResults.Bytes(bytes, mediaType);
    }

    /// <summary><c>GET /sessions/{id}</c>: the HTML report, reloading itself while the session runs.</summary>
    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetReportAsync(
        string id,
        HttpRequest request,
        [FromServices] ISessionEngine engine,
        [FromServices] IImageStore store,
        [FromServices] ApiOptions options,
        CancellationToken cancellationToken)
    {
        var view = await SessionView.LoadAsync(id, engine, store, cancellationToken);
        if (view is null) return ApiProblems.UnknownSession(id);
        var live = !view.Snapshot.IsTerminal;
        var trajectory = view.Trajectory ?? Starting(id);
        var links = new ImageLinks(request, store, id, options.ApiKey);
        var html = ReportRenderer.Render(trajectory, image => links.For(image) ?? string.Empty, live);
        return TypedResults.Content(html, "text/html", Encoding.UTF8);
    }

    /// <summary>Before the first progress is published there is nothing but the id to show; the page reloads until there is.</summary>
    private static Trajectory Starting(string id) => new() { SessionId = id, Prompt = "(starting)", Options = new SessionOptions() };

    private const int MaxImageNameLength = 128;
    private const int MaxImageNameSegments = 4;

    /// <summary>Path segments of plain file names with an image extension: no traversal, no agent replies or trajectories.</summary>
    private static bool IsSafeImageName(string name, out string mediaType)
    {
        mediaType = string.Empty;
        // Our names are short ("round-2.png", "candidates/c1/round-1.png"); a longer one names nothing, and a file system
        // would refuse it with an exception rather than a miss.
        if (name.Length > MaxImageNameLength) return false;
        var segments = name.Split('/');
        if (segments.Length > MaxImageNameSegments) return false;
        if (segments.Any(s => s.Length == 0 || s.StartsWith('.') || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            return false;
        if (!ImageTypes.TryGetValue(Path.GetExtension(name), out var type)) return false;
        mediaType = type;
        return true;
    }
}
