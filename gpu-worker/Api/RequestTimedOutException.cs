namespace GenAgent.GpuWorker.Api;

/// <summary>The request waited longer than Worker:RequestTimeoutSeconds; its work was dropped (504).</summary>
public sealed class RequestTimedOutException : Exception
{
    public RequestTimedOutException()
    {
    }

    public RequestTimedOutException(string message)
        : base(message)
    {
    }

    public RequestTimedOutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
