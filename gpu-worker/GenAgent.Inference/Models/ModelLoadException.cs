namespace GenAgent.Inference.Models;

/// <summary>A model set cannot be loaded: a missing file, a bad manifest, or a session that does not match its manifest.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException()
    {
    }

    public ModelLoadException(string message)
        : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
