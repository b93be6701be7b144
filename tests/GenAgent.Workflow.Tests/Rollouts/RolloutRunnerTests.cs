using GenAgent.Core.Configuration;
using GenAgent.Core.Judging;
using GenAgent.Core.Protocol;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Training.Rewards;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Rollouts;
using GenAgent.Workflow.Starting;
using GenAgent.Workflow.Tests.Fakes;
using GenAgent.Tests.Shared;
using GenAgent.Core.Tools;
using System.Text.Json.Nodes;

namespace GenAgent.Workflow.Tests.Rollouts;

/// <summary>
/// The rollout loop against a policy server speaking vLLM's chat API with log-probabilities and token ids, and the
/// paper's image server, on loopback, on both engines: every rollout of the group runs, and its line carries the token
/// ids and log-probabilities each turn was sampled with.
/// </summary>
public sealed class RolloutRunnerTests : IDisposable
{
    private const string Generate = "<think>plan</think>\n<tool_call>\n{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a red bus\"}}";
    private const string Done = "<think>ok</think>\n<judge>Red bus, as asked.</judge>\n<answer>done</answer>";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_group_against_a_policy_server_keeps_each_turns_sampled_tokens(bool durable)
    {
        if (durable) await Azurite.RequireAsync();
        // One rollout at a time, so the scripted replies go to the sessions in order: generate, then done, for each.
        await using var servers = await ReferenceServers.StartAsync(Generate, Done, Generate, Done);
        var core = new GenAgentOptions
        {
            Agent = new AgentOptions { Backend = BackendNames.OpenAI, BaseUrl = servers.VlmUrl.ToString(), Protocol = ProtocolProfiles.GenAgentV2Name, Temperature = 1, Logprobs = true },
            Generator = new ToolOptions { Backend = BackendNames.GenAgentServer, BaseUrl = servers.Root.ToString() },
            Editor = new ToolOptions { Backend = "" },
            Store = new StoreOptions { Path = Path.Combine(_folder.Path, "store") },
        };
        await using var host = await HostedEngine.CreateAsync(
            services => services.AddGenAgentCore(core),
            durable ? new AzureStorageEngineOptions(Azurite.ConnectionString, Azurite.UniqueTaskHub("garoll")) : null,
            SessionHarness.FastRetries);
        var options = ProtocolProfiles.GenAgentV2.Defaults([ToolNames.Generate]) with { TopP = 0.9f };
        var plan = new RolloutPlan("test", [new StartRules(options).Check("a red bus")], Group: 2, Keep: 2, Seed: 3);
        var runner = new RolloutRunner(host.Engine, new SessionLauncher(host.Engine), host.Store, new TrajectoryRewards(new PassingJudge()), concurrency: 1);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var groups = new List<RolloutGroup>();
        await foreach (var group in runner.RunAsync(plan, cancellationToken: timeout.Token)) groups.Add(group);

        var only = Assert.Single(groups);
        Assert.Equal(2, runner.Ran);
        Assert.Equal(["rollout-test-00000-000", "rollout-test-00000-001"], only.All.Select(r => r.Id));
        Assert.Equal(4, servers.ChatRequests.Count);
        Assert.All(servers.ChatRequests, chat => Assert.True(chat["logprobs"]!.GetValue<bool>()));
        Assert.All(servers.ChatRequests, chat => Assert.Equal(0.9, chat["top_p"]!.GetValue<double>(), 3));
        var lines = RolloutLines.Of(only, AgentProtocol.Load(core.Agent)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["rollout", "rollout", "group"], lines.Select(l => l["type"]!.GetValue<string>()));
        foreach (var rollout in lines.Take(2))
        {
            var turns = rollout["turns"]!.AsArray();
            Assert.Equal([Generate, Done], turns.Select(t => t!["text"]!.GetValue<string>()));
            foreach (var turn in turns)
            {
                var text = turn!["text"]!.GetValue<string>();
                Assert.Equal(text.Select(c => (int)c), turn["tokenIds"]!.AsArray().Select(i => i!.GetValue<int>()));
                Assert.Equal(text.Length, turn["logprobs"]!.AsArray().Count);
            }
            Assert.Equal(1, rollout["reward"]!["pointwise"]!.GetValue<double>());
        }
    }

    private sealed class PassingJudge : IImageJudge
    {
        public string Name => "passing";

        public Task<ImageVerdict> JudgeAsync(byte[] image, JudgeRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ImageVerdict(true, [], Name));
    }
}
