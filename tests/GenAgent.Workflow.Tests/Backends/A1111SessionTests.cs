using GenAgent.Core.Configuration;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Tests.Fakes;

namespace GenAgent.Workflow.Tests.Backends;

/// <summary>A whole session whose generator and editor are an AUTOMATIC1111 WebUI, driven by a vLLM-speaking agent on loopback.</summary>
public sealed class A1111SessionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_agent_generates_edits_and_stops_through_the_webui_with_every_seed_honoured()
    {
        await using var webui = await FakeA1111.StartAsync();
        await using var agent = await ReferenceServers.StartAsync(
            "<think>plan</think>\n<tool_call>\n{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a red bus\"}}",
            "<think>too dark</think>\n<judge>The bus is dark red.</judge>\n<tool_call>\n{\"name\": \"image_editing_tool\", \"arguments\": {\"instruction\": \"make the bus bright red\"}}",
            "<think>ok</think>\n<judge>Bright red bus.</judge>\n<answer>done</answer>");
        var core = new GenAgentOptions
        {
            Agent = new AgentOptions { Backend = BackendNames.OpenAI, BaseUrl = agent.VlmUrl.ToString(), Protocol = ProtocolProfiles.GenAgentV2Name },
            Generator = new ToolOptions { Backend = BackendNames.A1111, BaseUrl = webui.Root.ToString(), Steps = 12 },
            Editor = new ToolOptions { Backend = BackendNames.A1111, BaseUrl = webui.Root.ToString(), DenoisingStrength = 0.5 },
            Store = new StoreOptions { Path = Path.Combine(_folder.Path, "store") },
        };
        await using var engine = await InProcessSessionEngine.CreateAsync(core, SessionHarness.FastRetries);
        var options = ProtocolProfiles.GenAgentV2.Defaults(ProtocolProfiles.GenAgentV2.Tools) with { Width = 96, Height = 64 };

        var id = await engine.StartAsync(new SessionRequest("a red bus", options));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var trajectory = (await engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token)).Trajectory!;

        Assert.True(trajectory.Outcome!.Kind == OutcomeKind.Done, $"{trajectory.Outcome.Reason}; {string.Join(" / ", trajectory.Turns.Select(t => $"{t.Kind} {t.Error}"))}");
        Assert.Equal([TurnKind.Generate, TurnKind.Edit, TurnKind.Done], trajectory.Turns.Select(t => t.Kind));
        var requests = webui.Requests.ToList();
        Assert.Equal(["txt2img", "img2img"], requests.Select(r => r.Route));
        Assert.Equal("a red bus", requests[0].Body["prompt"]!.GetValue<string>());
        Assert.Equal(12, requests[0].Body["steps"]!.GetValue<int>());
        Assert.Equal((96, 64), (requests[0].Body["width"]!.GetValue<int>(), requests[0].Body["height"]!.GetValue<int>()));
        Assert.Equal("make the bus bright red", requests[1].Body["prompt"]!.GetValue<string>());
        Assert.Equal(0.5, requests[1].Body["denoising_strength"]!.GetValue<double>());
        // The seed each turn recorded is the one the WebUI drew with.
        Assert.Equal(trajectory.Turns.Take(2).Select(t => t.Seed), requests.Select(r => (long?)r.Body["seed"]!.GetValue<long>()));
    }
}
