using Xunit.Abstractions;

namespace GenAgent.Sketch.Tests;

/// <summary>
/// Object-level precision and recall of the evaluator on 500 random scenes (256-1024 px), scored against what the
/// generator drew; the judge never sees that ground truth. <c>dotnet run -c Release --project bench -- --sketch</c>
/// prints the same audit with its confusions.
/// </summary>
public sealed class RecognitionAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Clean_renders_are_read_with_at_least_99_percent_precision_and_recall() =>
        RecognitionAccuracy.Assert(output, "clean", png => png, 0.99);
}

/// <summary>The same audit after JPEG q75 (its own class, so xunit runs the two side by side).</summary>
public sealed class JpegRecognitionAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Jpeg_q75_renders_are_read_with_at_least_97_percent_precision_and_recall() =>
        RecognitionAccuracy.Assert(output, "JPEG q75", png => ImageDegradation.Jpeg(png, 75), 0.97);
}

internal static class RecognitionAccuracy
{
    private const int Scenes = 500;

    public static void Assert(ITestOutputHelper output, string name, Func<byte[], byte[]> degrade, double floor)
    {
        var result = RecognitionAudit.Run(Scenes, seed: 11, degrade, SketchVision.Detect);
        output.WriteLine($"{name}: precision {result.Precision:P2}, recall {result.Recall:P2} ({result.Hits} hits, {result.Detections} seen, {result.Drawn} drawn, {result.ColorErrors} color errors)");
        foreach (var ((drawn, seen), n) in result.Confusions.OrderByDescending(c => c.Value))
        {
            output.WriteLine($"  {n} x drawn '{drawn}' seen '{seen}'");
        }

        Xunit.Assert.True(result.Precision >= floor, $"precision {result.Precision:P2} < {floor:P0}");
        Xunit.Assert.True(result.Recall >= floor, $"recall {result.Recall:P2} < {floor:P0}");
    }
}
