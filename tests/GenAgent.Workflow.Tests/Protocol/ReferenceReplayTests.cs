using System.Text.Json.Nodes;
using GenAgent.Core.Configuration;
using GenAgent.Core.Protocol;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Tests.Fakes;

namespace GenAgent.Workflow.Tests.Protocol;

/// <summary>
/// The released weights must see the conversation the authors' client builds. Each test scripts a vLLM stand-in and the
/// paper's image servers on loopback, runs a whole session through the real HTTP backends, and compares every recorded
/// chat request with the one the reference client (deep-kaixun/geagent core/genagent_v1.py, core/genagent_v2.py) would
/// have sent, message by message and part by part. The expected lists are written out by hand from that client's rules.
/// </summary>
public sealed class ReferenceReplayTests : IDisposable
{
    private const string Prompt = "a red bus";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task V2_replays_raw_history_keeps_a_reply_without_action_and_stops_after_the_third_image()
    {
        string[] replies =
        [
            // The stop sequence cuts "</tool_call>"; the history keeps the text exactly so.
            "<think>one bus, red</think>\n<tool_call>\n{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a red bus on a street\"}}\n",
            // Neither a tool call nor the exact stop: appended as it is, and the model asked again (no corrective message).
            "<think>looking</think>\n<judge>The bus is blue, not red.</judge>\n<answer>Done</answer>",
            // A Python-style literal, as v2's ast fallback accepts.
            "<think>recolor</think>\n<judge>The bus is blue.</judge>\n<tool_call>\n{'name': 'image_editing_tool', 'arguments': {'instruction': 'make the bus red'}}\n",
            "<think>start over</think>\n<judge>Still wrong.</judge>\n<tool_call>\n{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a bright red bus, side view\"}}",
        ];
        await using var servers = await ReferenceServers.StartAsync(replies);
        var system = await ImportAsync(FakeClient.V2Source);
        var trajectory = await RunAsync(servers, ProtocolProfiles.GenAgentV2, system);

        var chats = servers.ChatRequests.ToList();
        var images = servers.ImageRequests.ToList();
        Assert.Equal(4, chats.Count); // no fifth call: the reference stops right after its third image
        Assert.Equal(3, images.Count);
        var (img1, img2) = (images[0].Png, images[1].Png);

        Expect(chats[0], Sys(system), User($"Prompt: {Prompt}"));
        Expect(chats[1], Sys(system), User($"Prompt: {Prompt}"), Assistant(replies[0]), ToolResponse(img1));
        Expect(chats[2], Sys(system), User($"Prompt: {Prompt}"), Assistant(replies[0]), ToolResponse(img1), Assistant(replies[1]));
        Expect(chats[3], Sys(system), User($"Prompt: {Prompt}"), Assistant(replies[0]), ToolResponse(img1), Assistant(replies[1]),
            Assistant(replies[2]), ToolResponse(img2));
        foreach (var chat in chats) ExpectReferenceSampling(chat);
        Assert.Equal(1, servers.ModelListings);

        // The reference generator body exactly: no steps, guidance or seed; edits carry the source image and its size.
        AssertJson("""{"prompt":["a red bus on a street"],"height":1024,"width":1024}""", images[0].Body);
        Assert.Equal("make the bus red", images[1].Body["prompt"]![0]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(img1), images[1].Body["image"]![0]!.GetValue<string>());
        Assert.Equal(1024, images[1].Body["width"]!.GetValue<int>());
        AssertJson("""{"prompt":["a bright red bus, side view"],"height":1024,"width":1024}""", images[2].Body);

        Assert.Equal(OutcomeKind.ImageBudgetReached, trajectory.Outcome!.Kind);
        Assert.Equal(ProtocolProfiles.GenAgentV2Name, trajectory.Protocol);
        Assert.Equal("file genagent-v2.txt", trajectory.SystemPromptSource); // the name only, never the folder it sits in
        Assert.Equal([TurnKind.Generate, TurnKind.ProtocolError, TurnKind.Edit, TurnKind.Generate], trajectory.Turns.Select(t => t.Kind));
        Assert.Equal("The bus is blue, not red.", trajectory.Turns[1].Judgment);
    }

    [Fact]
    public async Task V2_stops_on_the_exact_done()
    {
        string[] replies =
        [
            "<think>plan</think>\n<tool_call>\n{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a red bus\"}}",
            "<think>ok</think>\n<judge>Red bus, as asked.</judge>\n<answer>done</answer>",
        ];
        await using var servers = await ReferenceServers.StartAsync(replies);
        var system = await ImportAsync(FakeClient.V2Source);
        var trajectory = await RunAsync(servers, ProtocolProfiles.GenAgentV2, system);

        var chats = servers.ChatRequests.ToList();
        Assert.Equal(2, chats.Count);
        Expect(chats[1], Sys(system), User($"Prompt: {Prompt}"), Assistant(replies[0]), ToolResponse(servers.ImageRequests.Single().Png));
        Assert.Equal(OutcomeKind.Done, trajectory.Outcome!.Kind);
    }

    [Fact]
    public async Task V1_puts_back_the_trimmed_reply_with_its_closing_tag_and_stops_after_the_second_image()
    {
        string[] replies =
        [
            "<think>a bus</think> <tool_call>\n{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a red bus\"}}\n  ",
            "<judge>Too small.</judge>\n<think>closer view</think>\n<tool_call>\n{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a large red bus\"}}",
        ];
        await using var servers = await ReferenceServers.StartAsync(replies);
        var system = await ImportAsync(FakeClient.V1Source);
        var trajectory = await RunAsync(servers, ProtocolProfiles.GenAgentV1, system);

        var chats = servers.ChatRequests.ToList();
        var images = servers.ImageRequests.ToList();
        Assert.Equal(2, chats.Count);
        Assert.Equal(2, images.Count);
        Expect(chats[0], Sys(system), User($"Prompt: {Prompt}"));
        Expect(chats[1], Sys(system), User($"Prompt: {Prompt}"), Assistant(replies[0].Trim() + "</tool_call>"), ToolResponse(images[0].Png));
        foreach (var chat in chats) ExpectReferenceSampling(chat);
        AssertJson("""{"prompt":["a red bus"],"height":512,"width":512}""", images[0].Body);
        AssertJson("""{"prompt":["a large red bus"],"height":512,"width":512}""", images[1].Body);
        Assert.Equal(OutcomeKind.ImageBudgetReached, trajectory.Outcome!.Kind);
        Assert.Equal("Too small.", trajectory.Turns[1].Judgment);
    }

    [Fact]
    public async Task V1_resends_after_no_action_retries_imageless_attempts_and_falls_back_to_the_raw_prompt()
    {
        string[] replies =
        [
            "<judge>Nothing to judge yet.</judge>",                                              // attempt 1: nothing appended, same request again
            "<tool_call>\n{name: image_generation_tool}",                                        // attempt 1: not strict JSON, the attempt fails
            "<judge>Fine.</judge>\n<answer>done</answer>",                                        // attempt 2: stops without an image
            "<tool_call>\n{\"name\": \"image_generation_tool\", \"arguments\": {}}",              // attempt 3: no caption, fails
        ];
        await using var servers = await ReferenceServers.StartAsync(replies);
        var system = await ImportAsync(FakeClient.V1Source);
        var trajectory = await RunAsync(servers, ProtocolProfiles.GenAgentV1, system);

        var chats = servers.ChatRequests.ToList();
        Assert.Equal(4, chats.Count);
        // Every request is the opening one: v1 never appends a reply without a tool call, and each attempt starts afresh.
        foreach (var chat in chats) Expect(chat, Sys(system), User($"Prompt: {Prompt}"));
        var fallback = Assert.Single(servers.ImageRequests);
        AssertJson("""{"prompt":["a red bus"],"height":512,"width":512}""", fallback.Body);

        Assert.Equal(OutcomeKind.Fallback, trajectory.Outcome!.Kind);
        Assert.Contains("attempt 1:", trajectory.Outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("attempt 3:", trajectory.Outcome.Reason, StringComparison.Ordinal);
        Assert.NotNull(trajectory.FinalImage);
        var last = trajectory.Turns[^1];
        Assert.Equal(TurnKind.Fallback, last.Kind);
        Assert.Equal(Prompt, last.Argument);
        Assert.Equal([1, 1, 2, 3, 3], trajectory.Turns.Select(t => t.Attempt));
    }

    [Fact]
    public async Task Fallback_off_ends_failed_without_a_direct_generation()
    {
        await using var servers = await ReferenceServers.StartAsync("<tool_call>\n{\"oops\"", "x", "y", "z");
        var system = await ImportAsync(FakeClient.V2Source);
        var trajectory = await RunAsync(servers, ProtocolProfiles.GenAgentV2, system, options => options with { Fallback = false });

        Assert.Single(servers.ChatRequests);
        Assert.Empty(servers.ImageRequests);
        Assert.Equal(OutcomeKind.Failed, trajectory.Outcome!.Kind);
    }

    [Fact]
    public async Task Without_an_imported_prompt_a_genagent_profile_runs_on_our_wording_in_its_layout()
    {
        await using var servers = await ReferenceServers.StartAsync(
            "<tool_call>\n{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a red bus\"}}",
            "<judge>ok</judge><answer>done</answer>");
        var trajectory = await RunAsync(servers, ProtocolProfiles.GenAgentV2, systemPromptFile: null);

        var system = servers.ChatRequests.First()["messages"]![0]!["content"]!.GetValue<string>();
        Assert.Equal(SystemPrompt.Build(ToolNames.All, ProtocolProfiles.GenAgentV2), system);
        Assert.Contains("[\n  {\n    \"type\": \"function\"", system, StringComparison.Ordinal);
        Assert.Equal(AgentProtocol.BuiltInSource, trajectory.SystemPromptSource);
    }

    private async Task<string> ImportAsync(string pythonSource)
    {
        var (text, profile) = ReferencePrompt.Extract(pythonSource);
        var path = ReferencePrompt.PathFor(profile, _folder.Path);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    [Fact]
    public async Task With_logprobs_on_each_turn_records_the_token_ids_and_log_probabilities_the_server_sampled()
    {
        string[] replies =
        [
            "<think>plan</think>\n<tool_call>\n{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a red bus\"}}",
            "<think>ok</think>\n<judge>Red bus, as asked.</judge>\n<answer>done</answer>",
        ];
        await using var servers = await ReferenceServers.StartAsync(replies);
        var trajectory = await RunAsync(servers, ProtocolProfiles.GenAgentV2, await ImportAsync(FakeClient.V2Source), logprobs: true);

        Assert.All(servers.ChatRequests, chat => Assert.True(chat["logprobs"]!.GetValue<bool>()));
        Assert.Equal(2, trajectory.Turns.Count);
        foreach (var (turn, reply) in trajectory.Turns.Zip(replies))
        {
            Assert.Equal(reply.Select(c => (int)c), turn.Sampled!.TokenIds!);
            Assert.Equal(reply.Select((_, i) => (float)(-i / 100.0)), turn.Sampled.Logprobs);
        }
    }

    private async Task<Trajectory> RunAsync(
        ReferenceServers servers, ProtocolProfile profile, string? systemPromptFile, Func<SessionOptions, SessionOptions>? adjust = null, bool logprobs = false)
    {
        var core = new GenAgentOptions
        {
            Agent = new AgentOptions
            {
                Backend = BackendNames.OpenAI,
                BaseUrl = servers.VlmUrl.ToString(),
                Protocol = profile.Name,
                SystemPromptFile = systemPromptFile,
                Temperature = 0,
                Logprobs = logprobs,
            },
            Generator = new ToolOptions { Backend = BackendNames.GenAgentServer, BaseUrl = servers.Root.ToString() },
            Editor = profile.Tools.Contains(ToolNames.Edit)
                ? new ToolOptions { Backend = BackendNames.GenAgentServer, BaseUrl = servers.Root.ToString() }
                : new ToolOptions { Backend = "" },
            Store = new StoreOptions { Path = Path.Combine(_folder.Path, "store") },
        };
        await using var engine = await InProcessSessionEngine.CreateAsync(core, SessionHarness.FastRetries);
        var options = profile.Defaults(profile.Tools);
        options = adjust?.Invoke(options) ?? options;
        var id = await engine.StartAsync(new SessionRequest(Prompt, options));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        return (await engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token)).Trajectory!;
    }

    private static string Sys(string path) => File.ReadAllText(path);

    private static void ExpectReferenceSampling(JsonObject chat)
    {
        Assert.Equal(ReferenceServers.ServedModel, chat["model"]!.GetValue<string>());
        Assert.Equal(0, chat["temperature"]!.GetValue<double>());
        Assert.Equal(["</tool_call>"], chat["stop"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.False(chat.ContainsKey("max_tokens") || chat.ContainsKey("max_completion_tokens") || chat.ContainsKey("seed"), chat.ToJsonString());
    }

    private static void AssertJson(string expected, JsonObject actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}, sent {actual.ToJsonString()}");

    /// <summary>One expected message: its role and either a plain string or the parts in order (text, or PNG bytes).</summary>
    private sealed record Message(string Role, string? Text, IReadOnlyList<object>? Parts = null);

    private static Message User(string text) => new("user", text);

    private static Message Assistant(string text) => new("assistant", text);

    private static Message ToolResponse(byte[] png) => new("user", null, ["<tool_response>", png, "</tool_response>"]);

    private static void Expect(JsonObject chat, string system, params Message[] rest)
    {
        Message[] expected = [new("system", system), .. rest];
        var messages = chat["messages"]!.AsArray();
        Assert.Equal(expected.Length, messages.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var (want, got) = (expected[i], messages[i]!.AsObject());
            Assert.Equal(want.Role, got["role"]!.GetValue<string>());
            if (want.Parts is null)
            {
                // Byte for byte, whitespace included: the weights were trained on exactly this text.
                Assert.Equal(want.Text, got["content"]!.GetValue<string>());
                continue;
            }

            var parts = got["content"]!.AsArray();
            Assert.Equal(want.Parts.Count, parts.Count);
            for (var p = 0; p < parts.Count; p++)
            {
                var part = parts[p]!.AsObject();
                if (want.Parts[p] is string text)
                {
                    Assert.Equal("text", part["type"]!.GetValue<string>());
                    Assert.Equal(text, part["text"]!.GetValue<string>());
                }
                else
                {
                    Assert.Equal("image_url", part["type"]!.GetValue<string>());
                    var url = part["image_url"]!["url"]!.GetValue<string>();
                    const string prefix = "data:image/png;base64,";
                    Assert.StartsWith(prefix, url, StringComparison.Ordinal);
                    Assert.Equal((byte[])want.Parts[p], Convert.FromBase64String(url[prefix.Length..]));
                }
            }
        }
    }
}
