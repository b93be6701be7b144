namespace GenAgent.Discord.Rest;

/// <summary>An attachment could not be fetched: a host not allowed, too large, or the CDN refused.</summary>
public sealed class AttachmentDownloadException : DiscordException
{
    public AttachmentDownloadException()
    {
    }

    public AttachmentDownloadException(string message)
        : base(message)
    {
    }

    public AttachmentDownloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
