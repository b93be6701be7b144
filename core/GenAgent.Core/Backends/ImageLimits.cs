namespace GenAgent.Core.Backends;

/// <summary>What a tool reply's image must satisfy before it enters a trajectory.</summary>
public static class ImageLimits
{
    /// <summary>Smaller than this is a placeholder or an error image, not a rendering.</summary>
    public const int MinSide = 8;

    /// <summary>Larger than any generator we support produces; guards the decoder's memory.</summary>
    public const int MaxSide = 8192;
}
