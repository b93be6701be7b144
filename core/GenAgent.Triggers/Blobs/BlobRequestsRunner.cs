using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Triggers.Requests;
using GenAgent.Workflow;
using GenAgent.Core.Quotas;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Starting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAgent.Triggers.Blobs;

/// <summary>
/// The blob-requests path: a JSON or JSONL file in the requests container starts one session per request, and once
/// all have ended their final images, trajectories and a summary land in the results container.
/// Session ids are derived from the file name and line, so processing a file again starts nothing new.
/// </summary>
public sealed class BlobRequestsRunner(
    ISessionEngine engine,
    IImageStore store,
    BlobServiceClient blobs,
    TriggerOptions options,
    StartRules rules,
    ILogger<BlobRequestsRunner>? logger = null,
    ISessionAdmission? admission = null)
{
    private readonly SessionLauncher _launcher = new(engine, admission);
    private readonly RequestFileReader _files = new(new SessionRequestReader(rules), options);
    private readonly ILogger _logger = logger ?? NullLogger<BlobRequestsRunner>.Instance;

    public const string SummaryFileName = "summary.json";

    /// <summary>Reads <paramref name="blobName"/> from the requests container and starts its sessions.</summary>
    public async Task<BlobRequestsResult> StartFromBlobAsync(string blobName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        var blob = blobs.GetBlobContainerClient(options.RequestsContainer).GetBlobClient(blobName);
        var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return await StartFromFileAsync(blobName, content.Value.Content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts one session per valid request of the file; broken requests are reported with their line and reason.</summary>
    public async Task<BlobRequestsResult> StartFromFileAsync(string fileName, BinaryData content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var (requests, broken) = _files.Read(fileName, content);
        var sessions = new List<RequestLine>(requests.Count);
        var unstarted = new List<BrokenLine>(broken);
        foreach (var (line, parsed) in requests)
        {
            var id = SessionIds.FromFileLine(fileName, line);
            // Nobody is there to send a follow-up to a file's session; waiting for one would hold the summary back.
            var request = parsed.Request with { Options = parsed.Request.Options with { FollowUpWindowSeconds = 0 } };
            var launched = await _launcher.LaunchAsync(id, userId: null, request, cancellationToken).ConfigureAwait(false);
            if (launched.Refusal is { } refused)
            {
                // Parked with its reason in the summary; uploading the file again starts the lines that did not run.
                unstarted.Add(new BrokenLine(line, $"not started: {refused.Reason}"));
                continue;
            }

            sessions.Add(new RequestLine(line, id, launched.Status == LaunchStatus.Started));
        }
        _logger.RequestFileStarted(fileName, sessions.Count(s => s.IsNew), sessions.Count, unstarted.Count);
        return new BlobRequestsResult(fileName, sessions, unstarted);
    }

    /// <summary>
    /// Waits until every session of <paramref name="started"/> has ended, copying each one's final image and trajectory
    /// to <c>&lt;file&gt;/&lt;session&gt;/</c> in the results container as it finishes, then writes <c>&lt;file&gt;/summary.json</c>.
    /// This polls the engine, so it belongs where waiting is cheap: the Functions app runs it from a durable orchestration
    /// (or a long activity); it is idempotent, so running it again after a crash rewrites the same files.
    /// </summary>
    public async Task<BlobRequestsSummary> CollectResultsAsync(BlobRequestsResult started, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(started);
        var results = blobs.GetBlobContainerClient(options.ResultsContainer);
        await results.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var lines = new List<SummaryLine>(started.Sessions.Count);
        foreach (var request in started.Sessions)
        {
            var snapshot = await engine.WaitForCompletionAsync(request.SessionId, cancellationToken: cancellationToken).ConfigureAwait(false);
            lines.Add(await CopyResultAsync(results, started.FileName, request, snapshot, cancellationToken).ConfigureAwait(false));
        }
        var summary = new BlobRequestsSummary(started.FileName, DateTimeOffset.UtcNow, lines, started.Broken);
        await UploadAsync(results, $"{started.FileName}/{SummaryFileName}",
            JsonSerializer.SerializeToUtf8Bytes(summary, TriggerJson.Default.BlobRequestsSummary), "application/json", cancellationToken).ConfigureAwait(false);
        _logger.RequestFileCollected(started.FileName, lines.Count);
        return summary;
    }

    private async Task<SummaryLine> CopyResultAsync(
        BlobContainerClient results, string fileName, RequestLine request, SessionSnapshot snapshot, CancellationToken cancellationToken)
    {
        var folder = $"{fileName}/{request.SessionId}";
        string? finalImage = null;
        if (await store.TryGetAsync(SessionKeys.FinalImage(request.SessionId), cancellationToken).ConfigureAwait(false) is { } png)
        {
            finalImage = $"{folder}/final.png";
            await UploadAsync(results, finalImage, png, "image/png", cancellationToken).ConfigureAwait(false);
        }
        if (await store.TryGetAsync(SessionKeys.Trajectory(request.SessionId), cancellationToken).ConfigureAwait(false) is { } json)
            await UploadAsync(results, $"{folder}/trajectory.json", json, "application/json", cancellationToken).ConfigureAwait(false);

        var trajectory = snapshot.Trajectory;
        var reason = trajectory?.Outcome?.Reason
            ?? (snapshot.Status == SessionRuntimeStatus.Completed ? null : snapshot.FailureMessage ?? $"The session ended {snapshot.Status}.");
        return new SummaryLine(request.Line, request.SessionId, trajectory?.Outcome?.Kind, reason, trajectory?.ImagesUsed ?? 0, finalImage);
    }

    private static Task UploadAsync(BlobContainerClient container, string name, byte[] data, string mediaType, CancellationToken cancellationToken) =>
        container.GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(data),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = mediaType } },
            cancellationToken);
}
