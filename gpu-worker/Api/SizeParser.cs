using System.Globalization;
using GenAgent.Inference.Pipelines;

namespace GenAgent.GpuWorker.Api;

/// <summary>OpenAI's <c>"WIDTHxHEIGHT"</c> size, checked against a model's limits; absent (or "auto") means the model's default.</summary>
internal static class SizeParser
{
    public static (int Width, int Height) Resolve(string? size, PipelineLimits limits, string model)
    {
        // An empty or blank size is a mistake (a template left unfilled), not a request for the default: omit the field for that.
        if (size is not null && string.IsNullOrWhiteSpace(size))
        {
            throw new InvalidRequestException($"size is empty; omit it for the model's default ({limits.DefaultWidth}x{limits.DefaultHeight}) or give WIDTHxHEIGHT.", "size", "invalid_size");
        }

        if (size is null || size == "auto")
        {
            return (limits.DefaultWidth, limits.DefaultHeight);
        }

        var parts = size.Split('x', 'X');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            throw new InvalidRequestException($"Size '{size}' is not WIDTHxHEIGHT (e.g. {limits.DefaultWidth}x{limits.DefaultHeight}).", "size", "invalid_size");
        }

        return Check(width, height, limits, model, "size");
    }

    public static (int Width, int Height) Check(int width, int height, PipelineLimits limits, string model, string param)
    {
        var problem = limits.CheckSize(width, height);
        if (problem is not null)
        {
            throw new InvalidRequestException($"{problem} (model '{model}')", param, "invalid_size");
        }

        return (width, height);
    }
}
