using GenAgent.Inference.Benchmarks;
using GenAgent.Inference.Models;
using GenAgent.Inference.Runtime;
using GenAgent.Inference.TestModels;
using Xunit.Abstractions;

namespace GenAgent.Inference.Tests.Benchmarks;

/// <summary>Prints overhead figures for the tiny models (no timing assertions); checks the run accounting.</summary>
public sealed class PipelineBenchmarkTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bench-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Overhead_report_counts_every_run()
    {
        TinyModelSet.Write(_folder);
        var factory = new OrtSessionFactory(ProviderPolicy.Cpu);
        using var catalog = ModelCatalog.Load(_folder, factory);

        var sd = await PipelineBenchmark.MeasureOverheadAsync(catalog.FindPipeline(TinyModelSet.SdName)!, factory, calls: 10, batchSize: 2, steps: 4);
        var flux = await PipelineBenchmark.MeasureOverheadAsync(catalog.FindPipeline(TinyModelSet.FluxName)!, factory, calls: 10, batchSize: 2, steps: 4);
        output.WriteLine(sd.ToString());
        output.WriteLine(flux.ToString());
        foreach (var memory in catalog.Memory)
        {
            output.WriteLine($"{memory.Model}: files {memory.FileBytes} bytes, working set +{memory.WorkingSetDelta} bytes");
        }

        // Per call of 2 images: SD = text encoder + 4 UNet + a VAE decode per image; FLUX = CLIP + T5 + 4 transformer + 2 decodes.
        Assert.Equal(10 * 7, sd.Runs);
        Assert.Equal(10 * 8, flux.Runs);
        Assert.True(sd.RunTime > TimeSpan.Zero && sd.Wall >= sd.RunTime);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
