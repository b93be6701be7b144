namespace GenAgent.Api;

/// <summary>Fixed limits of the wire format, checked before any work starts.</summary>
public static class ApiLimits
{
    /// <summary>Idempotency keys are hashed, so their length only bounds what a client may send.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>Matches the largest canvas a session may ask for; a bigger input is a decompression bomb, not a photo.</summary>
    public const long MaxInputPixels = 4096L * 4096L;

    /// <summary>How long a download of an input image URL may take, when fetching is allowed.</summary>
    public static readonly TimeSpan ImageFetchTimeout = TimeSpan.FromSeconds(20);
}
