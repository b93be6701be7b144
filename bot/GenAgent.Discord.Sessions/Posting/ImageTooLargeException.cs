namespace GenAgent.Discord.Sessions.Posting;

/// <summary>An image that no re-encoding or downscaling brings under the attachment limit, or that does not decode.</summary>
public sealed class ImageTooLargeException : Exception
{
    public ImageTooLargeException()
    {
    }

    public ImageTooLargeException(string message) : base(message)
    {
    }

    public ImageTooLargeException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
