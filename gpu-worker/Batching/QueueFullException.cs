namespace GenAgent.GpuWorker.Batching;

/// <summary>A model's queue has no room for a request's images; the HTTP edge answers 429 with Retry-After.</summary>
public sealed class QueueFullException : Exception
{
    public QueueFullException()
    {
    }

    public QueueFullException(string message)
        : base(message)
    {
    }

    public QueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
