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
public sealed class ImageSubmitter(BatcherRegistry batchers, IOptions<WorkerOptions> options)
{
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds);

    public async Task<IReadOnlyList<GeneratedImage>> RunAsync(string model, BatchKey key, IReadOnlyList<ImageJob> jobs, CancellationToken requestAborted)
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
