namespace GenAgent.Inference.Guidance;

/// <summary>
/// Classifier-free guidance: the batch holds every unconditional item first, then every conditional
/// one, and the guided output is uncond + scale * (cond - uncond).
/// </summary>
public static class ClassifierFreeGuidance
{
    /// <summary>SD-Turbo is distilled to run without guidance; scales at or below 1 skip the unconditional half.</summary>
    public static bool IsEnabled(float scale) => scale > 1f;

    public static void Combine(ReadOnlySpan<float> uncond, ReadOnlySpan<float> cond, float scale, Span<float> destination)
    {
        if (uncond.Length != cond.Length || destination.Length != cond.Length)
        {
            throw new ArgumentException("Guidance halves and destination must have the same length.");
        }

        for (var i = 0; i < cond.Length; i++)
        {
            destination[i] = uncond[i] + (scale * (cond[i] - uncond[i]));
        }
    }

    /// <summary>Guides a [2B, ...] model output into [B, ...] with one scale per item.</summary>
    public static float[] CombineBatch(ReadOnlySpan<float> output, int batch, IReadOnlyList<float> scales)
    {
        var item = output.Length / (2 * batch);
        var guided = new float[batch * item];
        for (var b = 0; b < batch; b++)
        {
            Combine(output.Slice(b * item, item), output.Slice((batch + b) * item, item), scales[b], guided.AsSpan(b * item, item));
        }

        return guided;
    }
}
