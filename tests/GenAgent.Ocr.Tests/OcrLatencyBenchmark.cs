using System.Diagnostics;
using GenAgent.Ocr.Tests.Support;
using SkiaSharp;
using Xunit.Abstractions;

namespace GenAgent.Ocr.Tests;

/// <summary>
/// Prints per-image OCR latency for a 512x512 sign with three lines; no timing is asserted. See the figures with
/// <c>dotnet test tests/GenAgent.Ocr.Tests --filter Category=Benchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class OcrLatencyBenchmark(OcrEngineFixture fixture, ITestOutputHelper output)
{
    private const int Runs = 5;

    [Fact]
    [Trait("Category", "Benchmark")]
    public void Reads_a_512_square_sign()
    {
        var png = TextImage.Blank(512, 512, new SKColor(240, 235, 220))
            .Draw("Grand Opening", 30, 120, 56, new SKColor(140, 20, 20))
            .Draw("Sale 50% off", 40, 260, 48, SKColors.Black)
            .Draw("Open daily 9-5", 40, 400, 40, new SKColor(20, 40, 140))
            .Encode();
        var engine = fixture.Engine;
        var first = engine.Read(png);

        var times = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = engine.Read(png);
            times[i] = clock.Elapsed.TotalMilliseconds;
            Assert.Equal(first.FullText, result.FullText);
        }

        Array.Sort(times);
        Assert.Equal(3, first.Lines.Count);
        output.WriteLine($"OCR 512x512, 3 lines, {Environment.ProcessorCount} cores, CPU provider: median {times[Runs / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms over {Runs} reads");
        output.WriteLine($"read: {first.FullText.Replace('\n', '|')}");
    }
}
