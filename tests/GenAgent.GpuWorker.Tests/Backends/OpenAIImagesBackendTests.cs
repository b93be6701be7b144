using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;
using GenAgent.Inference.TestModels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.GpuWorker.Tests.Backends;

/// <summary>
/// The agent library's openai-images tool backend, configured the way the CLI configures it (a profile bound from
/// configuration, then AddGenAgentCore), generating and editing through the worker.
/// </summary>
public sealed class OpenAIImagesBackendTests : IAsyncLifetime
{
    private TestWorker _worker = null!;

    public async Task InitializeAsync() => _worker = await TestWorker.StartAsync(("Ocr:Enabled", "false"));

    public async Task DisposeAsync() => await _worker.DisposeAsync();

    [Fact]
    public async Task The_core_backend_generates_and_edits_through_the_worker()
    {
        var baseUrl = new Uri(_worker.BaseAddress, "v1").ToString();
        var configuration = new ConfigurationBuilder()
            .AddGenAgentProfiles()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GenAgent:Profiles:gpu-worker:Agent:Backend"] = BackendNames.Sketch,
                ["GenAgent:Profiles:gpu-worker:Generator:Backend"] = BackendNames.OpenAIImages,
                ["GenAgent:Profiles:gpu-worker:Generator:BaseUrl"] = baseUrl,
                ["GenAgent:Profiles:gpu-worker:Generator:Model"] = TinyModelSet.SdName,
                ["GenAgent:Profiles:gpu-worker:Editor:Backend"] = BackendNames.OpenAIImages,
                ["GenAgent:Profiles:gpu-worker:Editor:BaseUrl"] = baseUrl,
                ["GenAgent:Profiles:gpu-worker:Editor:Model"] = TinyModelSet.SdName,
                ["GenAgent:Store:Path"] = Directory.CreateTempSubdirectory("genagent-worker-store-").FullName,
            })
            .Build();
        var options = ProfileConfiguration.Bind(configuration, "gpu-worker");
        var services = new ServiceCollection().AddLogging();
        services.AddGenAgentCore(options);
        await using var provider = services.BuildServiceProvider();
        var generator = provider.GetRequiredService<IImageGenerator>();
        var editor = provider.GetRequiredService<IImageEditor>();

        var generated = await generator.GenerateAsync(new GenerationRequest("a red bus on a bridge", 64, 64, Seed: 17));
        var edited = await editor.EditAsync(new EditRequest("make the bus green", generated.Png, 64, 64, Seed: 18));

        Assert.Equal((64, 64), (generated.Width, generated.Height));
        TestImages.AssertUniform(generated.Png, 64, 64, TestImages.ExpectedSdColor("a red bus on a bridge"));
        TestImages.AssertUniform(edited.Png, 64, 64, TestImages.ExpectedSdColor("make the bus green"));
        Assert.NotEqual(TestImages.ExpectedSdColor("a red bus on a bridge"), TestImages.ExpectedSdColor("make the bus green"));
        var seeds = _worker.Runner.JobsRun.Select(j => (j.Prompt, j.Seed, Edit: j.InitImage is not null)).ToList();
        Assert.Equal([("a red bus on a bridge", 17L, false), ("make the bus green", 18L, true)], seeds);
    }
}
