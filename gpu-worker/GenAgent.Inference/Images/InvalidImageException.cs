namespace GenAgent.Inference.Images;

/// <summary>Bytes that are not a PNG, JPEG or WebP image this library can decode.</summary>
public sealed class InvalidImageException : Exception
{
    public InvalidImageException()
    {
    }

    public InvalidImageException(string message)
        : base(message)
    {
    }

    public InvalidImageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
