namespace GenAgent.Ocr;

/// <summary>The OCR model files are missing or do not have the inputs and outputs PaddleOCR's exports have.</summary>
public sealed class OcrModelException : Exception
{
    public OcrModelException()
    {
    }

    public OcrModelException(string message)
        : base(message)
    {
    }

    public OcrModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
