namespace GenAgent.Triggers.Requests;

/// <summary>A request payload that no retry can fix: not JSON, no prompt, or options out of range.</summary>
public sealed class InvalidSessionRequestException : Exception
{
    public InvalidSessionRequestException()
    {
    }

    public InvalidSessionRequestException(string message) : base(message)
    {
    }

    public InvalidSessionRequestException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
