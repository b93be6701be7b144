namespace GenAgent.Inference.Runtime;

/// <summary>The execution provider that the policy requires cannot be loaded on this host.</summary>
public sealed class ProviderUnavailableException : Exception
{
    public ProviderUnavailableException()
    {
    }

    public ProviderUnavailableException(string message)
        : base(message)
    {
    }

    public ProviderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
