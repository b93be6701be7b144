using GenAgent.Core.Protocol;
using System.Text.Json;
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
            services.AddSingleton(new JudgeChatClient(judge));
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

    [Fact]
    public async Task A_high_effort_session_takes_a_follow_up_on_the_winner_like_a_medium_one()
    {
        var agent = new TemperatureSensitiveModel();
        using var folder = new TempFolder();
        var store = new LocalImageStore(folder.Path);
        await using var engine = await InProcessSessionEngine.CreateAsync(services =>
        {
            services.AddSingleton<IChatClient>(agent);
            services.AddSingleton<IImageGenerator>(new SeedlessGenerator());
            services.AddSingleton<IImageStore>(store);
        }, SessionHarness.FastRetries);
        var options = new SessionOptions
        {
            Effort = Effort.High, Candidates = 2, Width = 64, Height = 64, Tools = [Core.Protocol.ToolNames.Generate], FollowUpWindowSeconds = 60,
        };
        var id = await engine.StartAsync(new SessionRequest("a cube", options));

        await WaitForPhaseAsync(engine, id, episode: 1);
        var tournament = JsonSerializer.Deserialize(await store.TryGetAsync(SessionKeys.Trajectory(id)), SessionJson.Default.Trajectory)!;
        var winnerImage = tournament.FinalImage!;
        await engine.SendFollowUpAsync(id, "give it a hat");
        await WaitForPhaseAsync(engine, id, episode: 2);
        await engine.CancelAsync(id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var trajectory = (await engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token)).Trajectory!;

        // The follow-up's first call saw the winner's conversation: the prompt, its tool call and its image.
        var followUpCall = agent.Conversations.Single(c => c[^1].Text.StartsWith(PromptMessages.FollowUpPrefix, StringComparison.Ordinal));
        Assert.Contains("Prompt: a cube", followUpCall[1].Text, StringComparison.Ordinal);
        Assert.Contains(followUpCall, m => m.Role == ChatRole.Assistant && m.Text.Contains("image_generation_tool", StringComparison.Ordinal));
        var shown = followUpCall.SelectMany(m => m.Contents.OfType<DataContent>()).Select(d => Convert.ToHexString(d.Data.Span)).ToList();
        Assert.Contains(Convert.ToHexString((await store.TryGetAsync(winnerImage.Key))!), shown);

        var followUpTurn = Assert.Single(trajectory.Turns, t => t.Episode == 2 && t.Image is not null);
        Assert.Equal("a cube with a hat", followUpTurn.Argument);
        Assert.Equal(followUpTurn.Image, trajectory.FinalImage);
        Assert.StartsWith($"sessions/{id}/turn-", followUpTurn.Image!.Key, StringComparison.Ordinal);
        Assert.Equal(2, trajectory.Candidates!.Count);
        Assert.Single(trajectory.Comparisons!);
        Assert.Equal(trajectory.Candidates.Sum(c => c.ImagesUsed) + 1, trajectory.ImagesUsed);
        Assert.Equal("give it a hat", Assert.Single(trajectory.FollowUps).Text);
    }

    private static async Task WaitForPhaseAsync(InProcessSessionEngine engine, string id, int episode)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var snapshot = await engine.GetAsync(id, timeout.Token);
            Assert.False(snapshot!.IsTerminal, $"the session ended early: {snapshot.Trajectory?.Outcome}");
            if (snapshot.Progress is { Phase: SessionPhase.AwaitingFollowUp } p && p.Episode == episode) return;
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Same caption at temperature 0 (or unset), a new one on every sampled call; answers comparisons with A.</summary>
    private sealed class TemperatureSensitiveModel : IChatClient
    {
        private int _sampled;
        private int _comparisons;

        public int Comparisons => _comparisons;

        public ConcurrentBag<float> Temperatures { get; } = [];

        public ConcurrentQueue<IReadOnlyList<ChatMessage>> Conversations { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            List<ChatMessage> list = [.. messages];
            Conversations.Enqueue(list);
            var temperature = options?.Temperature ?? 0f;
            Temperatures.Add(temperature);
            string text;
            if (list[0].Text.StartsWith(PairwiseJudgePrompt.Marker, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _comparisons);
                text = "<think>A is sharper</think><answer>A</answer>";
            }
            else if (list[^1].Text.StartsWith(PromptMessages.FollowUpPrefix, StringComparison.Ordinal))
                text = "<judge>the cube needs a hat</judge><tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a cube with a hat\"}}</tool_call>";
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
