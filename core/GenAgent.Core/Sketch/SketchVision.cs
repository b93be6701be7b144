using SkiaSharp;

namespace GenAgent.Core.Sketch;

/// <summary>
/// Finds objects in a PNG from its pixels alone: each code strip names a class, the connected non-paper region
/// around it is the object (its box, center and area), and the most common palette color in that region,
/// ink and strip excluded, is its color.
/// </summary>
public static class SketchVision
{
    private const int PaperTolerance = 24;
    private const int InkTolerance = 6;

    public static IReadOnlyList<DetectedObject> Detect(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        using var bitmap = SKBitmap.Decode(png) ?? throw new ArgumentException("The bytes are not an image Skia can decode.", nameof(png));
        var width = bitmap.Width;
        var height = bitmap.Height;
        var pixels = bitmap.Pixels;
        var owner = new int[pixels.Length];
        var found = new List<DetectedObject>();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                if (pixels[i] != CodeStrip.Marker || owner[i] != 0
                    || (x > 0 && pixels[i - 1] == CodeStrip.Marker) || (y > 0 && pixels[i - width] == CodeStrip.Marker))
                {
                    continue;
                }

                if (CodeStrip.TryRead(pixels, width, height, x, y) is not { } strip || SketchVocabulary.ById(strip.ClassId) is not { } cls)
                {
                    continue;
                }

                found.Add(Trace(pixels, width, height, owner, found.Count + 1, x, y, cls));
            }
        }

        return found;
    }

    private static DetectedObject Trace(SKColor[] pixels, int width, int height, int[] owner, int label, int startX, int startY, SketchClass cls)
    {
        var votes = new Dictionary<string, int>();
        var nearest = new Dictionary<SKColor, string?>();
        var queue = new Queue<int>();
        var start = (startY * width) + startX;
        owner[start] = label;
        queue.Enqueue(start);
        int minX = startX, maxX = startX, minY = startY, maxY = startY;
        while (queue.Count > 0)
        {
            var i = queue.Dequeue();
            int x = i % width, y = i / width;
            minX = Math.Min(minX, x);
            maxX = Math.Max(maxX, x);
            minY = Math.Min(minY, y);
            maxY = Math.Max(maxY, y);
            var c = pixels[i];
            if (!CodeStrip.IsStripColor(c) && SketchColor.Distance(c, SketchColor.Ink) > InkTolerance && NearestCached(c) is { } name)
            {
                votes[name] = votes.GetValueOrDefault(name) + 1;
            }

            Visit(x - 1, y);
            Visit(x + 1, y);
            Visit(x, y - 1);
            Visit(x, y + 1);
        }

        var color = votes.Count == 0 ? null : votes.MaxBy(v => v.Value).Key;
        return new DetectedObject(cls.Name, color, new PixelBox(minX, minY, maxX - minX + 1, maxY - minY + 1));

        string? NearestCached(SKColor c)
        {
            if (!nearest.TryGetValue(c, out var name))
            {
                name = SketchColor.Nearest(c, 40);
                nearest[c] = name;
            }

            return name;
        }

        void Visit(int x, int y)
        {
            if (x < 0 || y < 0 || x >= width || y >= height)
            {
                return;
            }

            var j = (y * width) + x;
            if (owner[j] == 0 && SketchColor.Distance(pixels[j], SketchColor.Paper) > PaperTolerance)
            {
                owner[j] = label;
                queue.Enqueue(j);
            }
        }
    }
}
