namespace GenAgent.Inference.Pipelines;

/// <summary>Jobs of one call that share every setting that shapes the batch, with their positions in the call.</summary>
internal sealed record JobGroup(IReadOnlyList<int> Indices, IReadOnlyList<ImageJob> Jobs, int Steps, float Guidance, bool IsEdit, float Strength)
{
    public int Width => Jobs[0].Width;

    public int Height => Jobs[0].Height;
}
