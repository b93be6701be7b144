using SkiaSharp;

namespace GenAgent.Sketch;

/// <summary>The sketch palette: every color the world draws objects in, matched tolerantly on the vision side.</summary>
internal static class SketchColor
{
    public static readonly IReadOnlyDictionary<string, SKColor> Palette = new Dictionary<string, SKColor>
    {
        ["red"] = new(214, 39, 40),
        ["orange"] = new(246, 136, 20),
        ["yellow"] = new(246, 214, 32),
        ["green"] = new(44, 160, 72),
        ["blue"] = new(38, 92, 214),
        ["purple"] = new(128, 58, 176),
        ["pink"] = new(246, 132, 190),
        ["brown"] = new(128, 78, 38),
        ["black"] = new(28, 28, 30),
        ["white"] = new(253, 253, 253),
        ["gray"] = new(146, 148, 152),
    };

    /// <summary>The paper background; objects never use it.</summary>
    public static readonly SKColor Paper = new(232, 225, 206);

    /// <summary>Outlines, wheels, eyes and labels: never counted as an object's color.</summary>
    public static readonly SKColor Ink = new(70, 66, 92);

    public static IReadOnlyList<string> Names { get; } = [.. Palette.Keys];

    public static bool IsColor(string word) => Palette.ContainsKey(word) || word == "grey";

    public static string Normalize(string word) => word == "grey" ? "gray" : word;

    /// <summary>The palette name nearest to <paramref name="pixel"/>, or null when nothing is close.</summary>
    public static string? Nearest(SKColor pixel, int maxDistance = 60)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (name, color) in Palette)
        {
            var d = Distance(pixel, color);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = name;
            }
        }

        return bestDistance <= maxDistance ? best : null;
    }

    /// <summary>
    /// The palette color of a body pixel, tolerant of noise, compression and small shifts; null when the pixel is
    /// nearer the ink than any palette color, or near none.
    /// </summary>
    public static string? NearestBody(SKColor pixel)
    {
        var name = Nearest(pixel, BodyTolerance);
        return name is null || Distance(pixel, Ink) < Distance(pixel, Palette[name]) ? null : name;
    }

    /// <summary>How far a body pixel may drift from its palette color (sum of channel differences).</summary>
    private const int BodyTolerance = 120;

    public static int Distance(SKColor a, SKColor b) => Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue);
}
