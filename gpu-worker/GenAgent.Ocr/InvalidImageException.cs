namespace GenAgent.Ocr;

/// <summary>The bytes given to the OCR engine are not an image SkiaSharp can decode (PNG, JPEG, WebP, ...).</summary>
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
