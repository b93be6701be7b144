namespace GenAgent.Inference.Pipelines;

/// <summary>What a pipeline accepts: sizes must be multiples of <see cref="SizeMultiple"/> within the maxima.</summary>
public sealed record PipelineLimits(
    int DefaultWidth,
    int DefaultHeight,
    int SizeMultiple,
    int MaxWidth,
    int MaxHeight,
    int MaxBatch,
    int DefaultSteps,
    bool SupportsEdit)
{
    /// <summary>Null when the size is acceptable, otherwise why not (for a 400 answer).</summary>
    public string? CheckSize(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            return $"Size {width}x{height} must be positive.";
        }

        if (width % SizeMultiple != 0 || height % SizeMultiple != 0)
        {
            return $"Size {width}x{height} is not a multiple of {SizeMultiple}.";
        }

        return width > MaxWidth || height > MaxHeight
            ? $"Size {width}x{height} is over the maximum {MaxWidth}x{MaxHeight}."
            : null;
    }
}
