namespace GenAgent.GpuWorker.Api;

/// <summary>The request is malformed or asks for something the worker cannot do: a 400 with an OpenAI error body.</summary>
public sealed class InvalidRequestException : Exception
{
    public InvalidRequestException()
    {
    }

    public InvalidRequestException(string message)
        : base(message)
    {
    }

    public InvalidRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidRequestException(string message, string? param, string code, Exception? innerException = null)
        : base(message, innerException)
    {
        Param = param;
        Code = code;
    }

    /// <summary>The request field at fault, as OpenAI names it (<c>size</c>, <c>model</c>, ...).</summary>
    public string? Param { get; }

    public string Code { get; } = "invalid_request";
}
