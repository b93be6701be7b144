using GenAgent.GpuWorker.Batching;
using GenAgent.GpuWorker.Configuration;
using GenAgent.Inference.Pipelines;
using Microsoft.Extensions.Options;

namespace GenAgent.GpuWorker.Api;

/// <summary>
/// Puts a request's images in its model's queue and waits for them under the request's two deadlines: the client
/// leaving (<c>HttpContext.RequestAborted</c>) and Worker:RequestTimeoutSeconds. Either one pulls the images out of the
/// queue, or out of their running batch.
/// </summary>
public sealed class ImageSubmitter(BatcherRegistry batchers, IOptions<WorkerOptions> options, IdempotentJobs idempotent)
{
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds);

    /// <summary>
    /// Runs the jobs; with an <paramref name="idempotencyKey"/> (the request's <c>Idempotency-Key</c>) a repeat of a
    /// request in flight or recently finished gets the same images without running again.
    /// </summary>
    public Task<IReadOnlyList<GeneratedImage>> RunAsync(
        string model, BatchKey key, IReadOnlyList<ImageJob> jobs, CancellationToken requestAborted, string? idempotencyKey = null) =>
        idempotencyKey is null
            ? RunNowAsync(model, key, jobs, requestAborted)
            : idempotent.RunAsync(idempotencyKey, Fingerprint(model, key, jobs), () => RunNowAsync(model, key, jobs, CancellationToken.None), requestAborted);

    /// <summary>What a request asks for, so a key reused for another request is caught (source images by content hash).</summary>
    private static string Fingerprint(string model, BatchKey key, IReadOnlyList<ImageJob> jobs)
    {
        var text = new System.Text.StringBuilder().Append(model).Append('|').Append(key);
        foreach (var job in jobs)
        {
            text.Append('|').Append(job with { InitImage = null });
            if (job.InitImage is { } image) text.Append('#').Append(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(image)));
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    private async Task<IReadOnlyList<GeneratedImage>> RunNowAsync(string model, BatchKey key, IReadOnlyList<ImageJob> jobs, CancellationToken requestAborted)
    {
        using var timeout = new CancellationTokenSource(_timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, timeout.Token);
        var tasks = batchers.Get(model).Submit(key, jobs, linked.Token);
        try
        {
            return await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !requestAborted.IsCancellationRequested)
        {
            throw new RequestTimedOutException(
                $"The request did not finish within {_timeout.TotalSeconds:0.###} s (Worker:RequestTimeoutSeconds); its images were dropped.", ex);
        }
        finally
        {
            // When one image failed the others are not wanted either: free their queue places and batch slots.
            await linked.CancelAsync().ConfigureAwait(false);
        }
    }
}
