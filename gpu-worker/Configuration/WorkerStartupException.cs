namespace GenAgent.GpuWorker.Configuration;

/// <summary>The worker cannot start; the message is one line that names the fix.</summary>
public sealed class WorkerStartupException : Exception
{
    public WorkerStartupException()
    {
    }

    public WorkerStartupException(string message)
        : base(message)
    {
    }

    public WorkerStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
