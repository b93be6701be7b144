using SkiaSharp;

namespace GenAgent.Sketch;

/// <summary>
/// Splits an image into candidate objects from its pixels alone: everything that differs clearly from the paper
/// (estimated from the image border, so a shifted or noisy background still works) is foreground; in larger images a
/// morphological opening removes thin strokes (the labels' letters, noise, JPEG ringing); each connected region that keeps a solid,
/// colored body is one candidate. The labels are never read.
/// </summary>
internal static class Segmenter
{
    /// <summary>How far (sum of channel differences) a pixel must be from the paper to count as drawn.</summary>
    private const int ForegroundDistance = 56;

    /// <summary>A candidate's interior must be at least this share of palette color (not ink) to be a body.</summary>
    private const double MinBodyShare = 0.5;

    public static IReadOnlyList<Segment> Find(SKBitmap bitmap, int side)
    {
        var (width, height) = (bitmap.Width, bitmap.Height);
        var pixels = bitmap.Pixels;
        var paper = EstimatePaper(pixels, width, height);
        var mask = new bool[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            mask[i] = SketchColor.Distance(pixels[i], paper) > ForegroundDistance;
        }

        // Small images have one-pixel strokes everywhere (outlines, legs, letters), so only larger ones are opened;
        // letters that survive have no colored interior and are dropped below.
        var radius = side / 400;
        if (radius > 0)
        {
            mask = Morphology.Open(mask, width, height, radius);
        }

        var minSide = Math.Max(4, side / 64);
        var segments = new List<Segment>();
        var label = new int[pixels.Length];
        var queue = new Queue<int>();
        var members = new List<int>();
        for (var start = 0; start < mask.Length; start++)
        {
            if (!mask[start] || label[start] != 0)
            {
                continue;
            }

            members.Clear();
            label[start] = segments.Count + 1;
            queue.Enqueue(start);
            int minX = width, minY = height, maxX = 0, maxY = 0;
            while (queue.Count > 0)
            {
                var i = queue.Dequeue();
                members.Add(i);
                int x = i % width, y = i / width;
                (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
                Visit(x - 1, y);
                Visit(x + 1, y);
                Visit(x, y - 1);
                Visit(x, y + 1);
            }

            var box = new PixelBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
            if (box.Width < minSide || box.Height < minSide)
            {
                continue;
            }

            var (color, bodyShare) = ReadColor(pixels, mask, width, height, members);
            if (bodyShare < MinBodyShare)
            {
                continue;
            }

            segments.Add(new Segment(box, [.. members], width, color));

            void Visit(int x, int y)
            {
                if (x < 0 || y < 0 || x >= width || y >= height)
                {
                    return;
                }

                var j = (y * width) + x;
                if (mask[j] && label[j] == 0)
                {
                    label[j] = segments.Count + 1;
                    queue.Enqueue(j);
                }
            }
        }

        return segments;
    }

    /// <summary>The median of the border pixels, channel by channel.</summary>
    internal static SKColor EstimatePaper(SKColor[] pixels, int width, int height)
    {
        var border = new List<SKColor>();
        for (var x = 0; x < width; x++)
        {
            border.Add(pixels[x]);
            border.Add(pixels[((height - 1) * width) + x]);
        }

        for (var y = 1; y < height - 1; y++)
        {
            border.Add(pixels[y * width]);
            border.Add(pixels[(y * width) + width - 1]);
        }

        byte Median(Func<SKColor, byte> channel) => border.Select(channel).Order().ElementAt(border.Count / 2);
        return new SKColor(Median(c => c.Red), Median(c => c.Green), Median(c => c.Blue));
    }

    /// <summary>
    /// The palette color most of the interior shows (pixels whose four neighbours are foreground too, so edge blends
    /// do not vote), and the share of the interior that is a palette color rather than ink.
    /// </summary>
    private static (string? Color, double BodyShare) ReadColor(SKColor[] pixels, bool[] mask, int width, int height, List<int> members)
    {
        var votes = new Dictionary<string, int>();
        var interior = 0;
        foreach (var i in members)
        {
            int x = i % width, y = i / width;
            if (x == 0 || y == 0 || x == width - 1 || y == height - 1 || !mask[i - 1] || !mask[i + 1] || !mask[i - width] || !mask[i + width])
            {
                continue;
            }

            interior++;
            if (SketchColor.NearestBody(pixels[i]) is { } name)
            {
                votes[name] = votes.GetValueOrDefault(name) + 1;
            }
        }

        if (interior == 0 || votes.Count == 0)
        {
            return (null, 0);
        }

        var best = votes.MaxBy(v => v.Value);
        return (best.Key, votes.Values.Sum() / (double)interior);
    }
}
