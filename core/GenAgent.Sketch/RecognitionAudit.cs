using SkiaSharp;

namespace GenAgent.Sketch;

/// <summary>
/// Scores a recognizer against drawn ground truth: random scenes are rendered, optionally degraded, and every
/// detection is matched to the drawn object whose body holds its center. A match of class and color is a hit.
/// The vision never sees the ground truth; only this audit does.
/// </summary>
internal static class RecognitionAudit
{
    /// <summary>One audit: hits, detections, drawn objects, and (drawn, seen) class confusions.</summary>
    public sealed record Result(int Hits, int Detections, int Drawn, IReadOnlyDictionary<(string Drawn, string Seen), int> Confusions, int ColorErrors)
    {
        public double Precision => Detections == 0 ? 1 : Hits / (double)Detections;

        public double Recall => Drawn == 0 ? 1 : Hits / (double)Drawn;
    }

    /// <summary>A seeded random scene: 1-4 groups of 1-4 objects of random classes and colors, 256-1024 px.</summary>
    public static (SceneSpec Spec, int Side, long Seed) RandomScene(Random rng)
    {
        var classes = SketchVocabulary.Classes;
        var groups = new List<ObjectGroup>();
        var count = rng.Next(1, 5);
        while (groups.Count < count)
        {
            var cls = classes[rng.Next(classes.Count)].Name;
            if (groups.All(g => g.Class != cls))
            {
                groups.Add(new ObjectGroup(cls, rng.Next(1, 5), SketchColor.Names[rng.Next(SketchColor.Names.Count)]));
            }
        }

        int[] sides = [256, 384, 512, 768, 1024];
        return (new SceneSpec(groups, 1), sides[rng.Next(sides.Length)], rng.Next());
    }

    public static Result Run(int scenes, int seed, Func<byte[], byte[]> degrade, Func<byte[], IReadOnlyList<DetectedObject>> detect)
    {
        var rng = new Random(seed);
        var confusions = new Dictionary<(string, string), int>();
        int hits = 0, detections = 0, drawn = 0, colorErrors = 0;
        for (var n = 0; n < scenes; n++)
        {
            var (spec, side, sceneSeed) = RandomScene(rng);
            var (png, truth) = SketchGenerator.RenderScene(spec, "audit", side, side, sceneSeed, withMistakes: false, out _);
            var image = degrade(png);
            var (scale, seen) = (Side(image) / (double)side, detect(image));
            drawn += truth.Count;
            detections += seen.Count;
            var free = truth.ToList();
            foreach (var d in seen)
            {
                var (x, y) = (d.CenterX / scale, d.CenterY / scale);
                var match = free.FirstOrDefault(t => t.Body.Contains((float)x, (float)y));
                if (match is null)
                {
                    Count((string.Empty, d.Class));
                    continue;
                }

                free.Remove(match);
                if (match.Class.Name != d.Class)
                {
                    Count((match.Class.Name, d.Class));
                }
                else if (match.Color != d.Color)
                {
                    colorErrors++;
                }
                else
                {
                    hits++;
                }
            }

            foreach (var missed in free)
            {
                Count((missed.Class.Name, string.Empty));
            }
        }

        return new Result(hits, detections, drawn, confusions, colorErrors);

        void Count((string, string) key) => confusions[key] = confusions.GetValueOrDefault(key) + 1;
    }

    private static int Side(byte[] image)
    {
        using var codec = SKCodec.Create(new MemoryStream(image));
        return Math.Min(codec.Info.Width, codec.Info.Height);
    }
}
