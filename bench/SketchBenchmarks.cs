using System.Diagnostics;
using GenAgent.Sketch;

namespace GenAgent.Bench;

/// <summary>How well the sketch judge reads drawings: object-level precision and recall with a confusion summary.</summary>
internal static class SketchBenchmarks
{
    public static void Recognition(int scenes)
    {
        Console.WriteLine($"Sketch recognition on {scenes} random scenes (1-4 groups of 1-4 objects, 256-1024 px)");
        Distinctness();
        foreach (var (name, degrade) in new (string, Func<byte[], byte[]>)[]
        {
            ("clean PNG", png => png),
            ("JPEG q75", png => ImageDegradation.Jpeg(png, 75)),
            ("noise +-8", png => ImageDegradation.Noise(png, 8, 1)),
            ("resize 0.5x", png => ImageDegradation.Resize(png, 0.5)),
        })
        {
            var clock = Stopwatch.StartNew();
            var result = RecognitionAudit.Run(scenes, seed: 7, degrade, SketchVision.Detect);
            Console.WriteLine($"  {name,-12} precision {result.Precision:P2}  recall {result.Recall:P2}  ({result.Hits} hits, {result.Detections} seen, {result.Drawn} drawn, {result.ColorErrors} color errors; {clock.Elapsed.TotalSeconds:F1} s)");
            foreach (var ((drawn, seen), n) in result.Confusions.OrderByDescending(c => c.Value).Take(8))
            {
                Console.WriteLine($"      {n,4} x  drawn {(drawn.Length == 0 ? "(nothing)" : drawn),-18} seen {(seen.Length == 0 ? "(nothing)" : seen)}");
            }
        }
    }

    /// <summary>The closest pairs of pictograms by the evaluator's shape distance.</summary>
    private static void Distinctness()
    {
        var pairs = PictogramDistances.Closest(grid: 12, aspectWeight: 0.35).Take(10).ToList();
        Console.WriteLine("  closest pictogram pairs (shape distance):");
        foreach (var (a, b, d) in pairs)
        {
            Console.WriteLine($"      {d:F3}  {a} / {b}");
        }
    }
}
