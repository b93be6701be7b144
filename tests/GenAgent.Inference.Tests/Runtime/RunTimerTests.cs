using GenAgent.Inference.Runtime;
using GenAgent.Inference.TestModels;
using Microsoft.ML.OnnxRuntime;

namespace GenAgent.Inference.Tests.Runtime;

public sealed class RunTimerTests
{
    [Fact]
    public async Task Counts_and_times_runs_from_many_threads()
    {
        var factory = new OrtSessionFactory(ProviderPolicy.Cpu);
        using var session = factory.Create(TinyClip.TextEncoder());
        var timer = new RunTimer();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 5; i++)
            {
                using var ids = OrtValue.CreateTensorValueFromMemory(new long[77], [1, 77]);
                using var outputs = timer.Run(session, ["input_ids"], [ids], ["text_embeds"]);
                Assert.Equal([1L, 4], outputs[0].GetTensorTypeAndShape().Shape);
            }
        })));

        Assert.Equal(40, timer.RunCount);
        Assert.True(timer.TotalRunTime > TimeSpan.Zero);
        timer.Reset();
        Assert.Equal(0, timer.RunCount);
    }
}
