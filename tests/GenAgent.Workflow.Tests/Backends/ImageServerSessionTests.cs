using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Tests.Fakes;
using GenAgent.Core.Tests.Backends.ComfyUI;

namespace GenAgent.Workflow.Tests.Backends;

/// <summary>Whole sessions whose generator and editor are an AUTOMATIC1111 WebUI or a ComfyUI server, driven by a vLLM-speaking agent on loopback.</summary>
public sealed class ImageServerSessionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string[] Replies =
    [
        "<think>plan</think>\n<tool_call>\n{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a red bus\"}}",
        "<think>too dark</think>\n<judge>The bus is dark red.</judge>\n<tool_call>\n{\"name\": \"image_editing_tool\", \"arguments\": {\"instruction\": \"make the bus bright red\"}}",
        "<think>ok</think>\n<judge>Bright red bus.</judge>\n<answer>done</answer>",
    ];

    [Fact]
    public async Task The_agent_generates_edits_and_stops_through_the_webui_with_every_seed_honoured()
    {
        await using var webui = await FakeA1111.StartAsync();
        var trajectory = await RunAsync(
            new ToolOptions { Backend = BackendNames.A1111, BaseUrl = webui.Root.ToString(), Steps = 12 },
            new ToolOptions { Backend = BackendNames.A1111, BaseUrl = webui.Root.ToString(), DenoisingStrength = 0.5 },
            negativePrompt: "text, watermark");

        Assert.True(trajectory.Outcome!.Kind == OutcomeKind.Done, $"{trajectory.Outcome.Reason}; {string.Join(" / ", trajectory.Turns.Select(t => $"{t.Kind} {t.Error}"))}");
        Assert.Equal([TurnKind.Generate, TurnKind.Edit, TurnKind.Done], trajectory.Turns.Select(t => t.Kind));
        var requests = webui.Requests.ToList();
        Assert.Equal(["txt2img", "img2img"], requests.Select(r => r.Route));
        Assert.Equal("a red bus", requests[0].Body["prompt"]!.GetValue<string>());
        Assert.Equal(12, requests[0].Body["steps"]!.GetValue<int>());
        Assert.Equal((96, 64), (requests[0].Body["width"]!.GetValue<int>(), requests[0].Body["height"]!.GetValue<int>()));
        Assert.Equal("make the bus bright red", requests[1].Body["prompt"]!.GetValue<string>());
        Assert.Equal(0.5, requests[1].Body["denoising_strength"]!.GetValue<double>());
        // The session's negative prompt reaches both calls.
        Assert.All(requests, r => Assert.Equal("text, watermark", r.Body["negative_prompt"]!.GetValue<string>()));
        // The seed each turn recorded is the one the WebUI drew with.
        Assert.Equal(trajectory.Turns.Take(2).Select(t => t.Seed), requests.Select(r => (long?)r.Body["seed"]!.GetValue<long>()));
    }

    [Fact]
    public async Task The_agent_generates_edits_and_stops_through_comfyui_with_every_seed_honoured()
    {
        await using var comfy = await FakeComfyUI.StartAsync();
        var trajectory = await RunAsync(
            new ToolOptions { Backend = BackendNames.ComfyUI, BaseUrl = comfy.Root.ToString(), Model = "sd15.safetensors" },
            new ToolOptions { Backend = BackendNames.ComfyUI, BaseUrl = comfy.Root.ToString(), Model = "sd15.safetensors" });

        Assert.True(trajectory.Outcome!.Kind == OutcomeKind.Done, $"{trajectory.Outcome.Reason}; {string.Join(" / ", trajectory.Turns.Select(t => $"{t.Kind} {t.Error}"))}");
        var graphs = comfy.Prompts.ToList();
        Assert.Equal(2, graphs.Count);
        Assert.Equal("a red bus", graphs[0]["6"]!["inputs"]!["text"]!.GetValue<string>());
        Assert.Equal("make the bus bright red", graphs[1]["6"]!["inputs"]!["text"]!.GetValue<string>());
        Assert.Equal(trajectory.Turns.Take(2).Select(t => t.Seed), graphs.Select(g => (long?)g["3"]!["inputs"]!["seed"]!.GetValue<long>()));
        // The edit loads the first image, uploaded.
        var first = await new LocalImageStore(Path.Combine(_folder.Path, "store")).TryGetAsync(trajectory.Turns[0].Image!.Key);
        Assert.Equal(first, Assert.Single(comfy.Uploads).Bytes);
    }

    private async Task<Trajectory> RunAsync(ToolOptions generator, ToolOptions editor, string? negativePrompt = null)
    {
        await using var agent = await ReferenceServers.StartAsync(Replies);
        var core = new GenAgentOptions
        {
            Agent = new AgentOptions { Backend = BackendNames.OpenAI, BaseUrl = agent.VlmUrl.ToString(), Protocol = ProtocolProfiles.GenAgentV2Name },
            Generator = generator,
            Editor = editor,
            Store = new StoreOptions { Path = Path.Combine(_folder.Path, "store") },
        };
        await using var engine = await InProcessSessionEngine.CreateAsync(core, SessionHarness.FastRetries);
        var options = ProtocolProfiles.GenAgentV2.Defaults(ProtocolProfiles.GenAgentV2.Tools) with { Width = 96, Height = 64, NegativePrompt = negativePrompt };
        var id = await engine.StartAsync(new SessionRequest("a red bus", options));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        return (await engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token)).Trajectory!;
    }
}
