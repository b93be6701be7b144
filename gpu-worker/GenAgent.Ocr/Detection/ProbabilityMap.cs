namespace GenAgent.Ocr.Detection;

/// <summary>The detector's per-pixel text probability at the resized input's resolution, row major.</summary>
internal sealed record ProbabilityMap(float[] Values, int Width, int Height)
{
    public float this[int x, int y] => Values[(y * Width) + x];
}
