namespace GenAgent.Workflow.Starting;

/// <summary>
/// The aspect ratios a front door may ask for by name (Discord's <c>/imagine aspect</c>), turned into a size with about
/// the pixels of the server's default size (so a generator tuned for 1024x1024 gets 1344x768 for 16:9, not a huge or
/// tiny image), each side a multiple of 64 as diffusion models need.
/// </summary>
public static class AspectRatios
{
    public static IReadOnlyList<string> Names { get; } = ["1:1", "3:2", "2:3", "16:9", "9:16"];

    /// <summary>The size for <paramref name="name"/> around the area of <paramref name="defaultWidth"/> x <paramref name="defaultHeight"/>; null for an unknown name.</summary>
    public static (int Width, int Height)? Size(string name, int defaultWidth, int defaultHeight)
    {
        if (!Names.Contains(name)) return null;
        var parts = name.Split(':');
        double w = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), h = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var area = (double)defaultWidth * defaultHeight;
        return (Round64(Math.Sqrt(area * w / h)), Round64(Math.Sqrt(area * h / w)));
    }

    private static int Round64(double side) => Math.Clamp((int)Math.Round(side / 64) * 64, 64, 4096);
}
