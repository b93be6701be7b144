namespace GenAgent.Core.Images;

/// <summary>
/// A stored image. <see cref="Key"/> is relative to the image store (for example
/// <c>sessions/abc/turn-02.png</c>); only references like this travel through orchestrations.
/// </summary>
public sealed record ImageRef(string Key, int Width, int Height, string MediaType = "image/png");
