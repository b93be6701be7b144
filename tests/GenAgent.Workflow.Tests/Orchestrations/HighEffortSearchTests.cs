using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GenAgent.Core.Images;
using GenAgent.Core.Judging;
using GenAgent.Core.Sessions;
using GenAgent.Core.Tools;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using IImageGenerator = GenAgent.Core.Tools.IImageGenerator;

namespace GenAgent.Workflow.Tests.Orchestrations;

/// <summary>
/// Effort high against what the released weights are served as: a model that is deterministic at temperature 0 and a
/// server that ignores seeds. Without sampling the candidates would all be the first one again.
/// </summary>
public sealed class HighEffortSearchTests
{
    [Fact]
    public async Task A_temperature_0_model_and_a_seedless_server_still_give_distinct_candidates()
    {
        var agent = new TemperatureSensitiveModel();
        var generator = new SeedlessGenerator();
        using var folder = new TempFolder();
        var store = new LocalImageStore(folder.Path);
        await using var engine = await InProcessSessionEngine.CreateAsync(services =>
        {
            services.AddSingleton<IChatClient>(agent);
            services.AddSingleton<IImageGenerator>(generator);
            services.AddSingleton<IImageStore>(store);
        }, SessionHarness.FastRetries);

        var options = new SessionOptions { Effort = Effort.High, Candidates = 3, Width = 64, Height = 64, Tools = [Core.Protocol.ToolNames.Generate] };
        var id = await engine.StartAsync(new SessionRequest("a cube", options));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var trajectory = (await engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token)).Trajectory!;

        var candidates = trajectory.Candidates!;
        Assert.Equal([null, 0.7f, 0.7f], candidates.Select(c => c.Temperature));
        var images = new List<byte[]>();
        foreach (var candidate in candidates)
        {
            // Stored inside the session's own folder, so the session's links reach every candidate's images.
            Assert.StartsWith($"sessions/{id}/candidates/c{candidate.Index}/", candidate.FinalImage!.Key, StringComparison.Ordinal);
            images.Add((await store.TryGetAsync(candidate.FinalImage.Key))!);
        }

        Assert.Equal(3, images.Select(Convert.ToHexString).Distinct().Count());
        Assert.Contains(0.7f, agent.Temperatures);
        Assert.Equal(2, trajectory.Comparisons!.Count);
    }

    [Fact]
    public async Task A_configured_judge_model_makes_the_comparisons_instead_of_the_agent()
    {
        var agent = new TemperatureSensitiveModel();
        var judge = new TemperatureSensitiveModel();
        using var folder = new TempFolder();
        await using var engine = await InProcessSessionEngine.CreateAsync(services =>
        {
            services.AddSingleton<IChatClient>(agent);
            services.AddSingleton(new PairwiseJudgeClient(judge));
            services.AddSingleton<IImageGenerator>(new SeedlessGenerator());
            services.AddSingleton<IImageStore>(new LocalImageStore(folder.Path));
        }, SessionHarness.FastRetries);

        var options = new SessionOptions { Effort = Effort.High, Candidates = 2, Width = 64, Height = 64, Tools = [Core.Protocol.ToolNames.Generate] };
        var id = await engine.StartAsync(new SessionRequest("a cube", options));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var trajectory = (await engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token)).Trajectory!;

        Assert.Equal("A is sharper", Assert.Single(trajectory.Comparisons!).Reasoning);
        Assert.Equal(1, judge.Comparisons);
        Assert.Equal(0, agent.Comparisons);
    }

    /// <summary>Same caption at temperature 0 (or unset), a new one on every sampled call; answers comparisons with A.</summary>
    private sealed class TemperatureSensitiveModel : IChatClient
    {
        private int _sampled;
        private int _comparisons;

        public int Comparisons => _comparisons;

        public ConcurrentBag<float> Temperatures { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            List<ChatMessage> list = [.. messages];
            var temperature = options?.Temperature ?? 0f;
            Temperatures.Add(temperature);
            string text;
            if (list[0].Text.StartsWith(PairwiseJudgePrompt.Marker, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _comparisons);
                text = "<think>A is sharper</think><answer>A</answer>";
            }
            else if (list.Any(m => m.Contents.OfType<DataContent>().Any()))
                text = "<judge>fine</judge><answer>done</answer>";
            else
            {
                var caption = temperature > 0 ? $"a cube, variation {Interlocked.Increment(ref _sampled)}" : "a cube";
                text = $"<tool_call>{{\"name\": \"image_generation_tool\", \"arguments\": {{\"caption\": \"{caption}\"}}}}</tool_call>";
            }

            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose() { }
    }

    /// <summary>Like the reference servers: the image depends on the caption only, never on the seed.</summary>
    private sealed class SeedlessGenerator : IImageGenerator
    {
        public Task<GeneratedImage> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(request.Caption));
            var png = CountingImageTool.Png(new SKColor(hash[0], hash[1], hash[2]), request.Width, request.Height);
            return Task.FromResult(new GeneratedImage(png, request.Width, request.Height));
        }
    }
}
