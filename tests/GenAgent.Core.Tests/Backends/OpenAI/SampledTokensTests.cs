using System.Text.Json;
using GenAgent.Core.Backends.OpenAI;
using GenAgent.Core.Configuration;
using Microsoft.Extensions.AI;

namespace GenAgent.Core.Tests.Backends.OpenAI;

/// <summary>
/// GenAgent:Agent:Logprobs against a loopback server speaking the chat completions API: the request asks for
/// log-probabilities (and vLLM's token ids), and the reply's are read back, by id when the server names tokens by id.
/// </summary>
public sealed class SampledTokensTests
{
    private static string Completion(object? logprobs) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "GenAgent",
        choices = new[] { new { index = 0, message = new { role = "assistant", content = "<answer>done</answer>" }, logprobs, finish_reason = "stop" } },
        usage = new { prompt_tokens = 12, completion_tokens = 3, total_tokens = 15 },
    });

    private static object Content(params (string Token, double Logprob)[] tokens) =>
        new { content = tokens.Select(t => new { token = t.Token, logprob = t.Logprob, bytes = (int[]?)null, top_logprobs = Array.Empty<object>() }).ToArray() };

    private static IChatClient Client(Uri root, bool logprobs) => OpenAIChatClientFactory.Create(
        new AgentOptions { Backend = BackendNames.OpenAI, BaseUrl = new Uri(root, "v1").ToString(), Model = "GenAgent", ApiKey = "sk-test", Logprobs = logprobs },
        TestHttp.Client());

    private static List<ChatMessage> Conversation() => [new(ChatRole.User, "a red apple")];

    [Fact]
    public async Task Asked_for_the_request_carries_logprobs_and_token_ids_and_vllm_ids_are_read_as_ids()
    {
        var completion = Completion(Content(("token_id:27", -0.25), ("token_id:9652", -1.5), ("token_id:29", 0)));
        await using var server = await StubServer.StartAsync(200, completion);
        using var client = Client(server.Root, logprobs: true);

        var sampled = SampledTokenReader.Read(await client.GetResponseAsync(Conversation()));

        var body = Assert.Single(server.Requests).Json;
        Assert.True(body.GetProperty("logprobs").GetBoolean());
        Assert.True(body.GetProperty("return_tokens_as_token_ids").GetBoolean());
        Assert.NotNull(sampled);
        Assert.Equal([27, 9652, 29], sampled.TokenIds);
        Assert.Equal([-0.25f, -1.5f, 0f], sampled.Logprobs);
        Assert.Null(sampled.Tokens);
    }

    [Fact]
    public async Task A_server_that_names_tokens_by_text_gives_the_texts()
    {
        await using var server = await StubServer.StartAsync(200, Completion(Content(("<answer>", -0.1), ("done", -0.2))));
        using var client = Client(server.Root, logprobs: true);

        var sampled = SampledTokenReader.Read(await client.GetResponseAsync(Conversation()));

        Assert.NotNull(sampled);
        Assert.Null(sampled.TokenIds);
        Assert.Equal(["<answer>", "done"], sampled.Tokens);
    }

    [Fact]
    public async Task Not_asked_for_the_request_has_neither_field_and_nothing_is_read()
    {
        await using var server = await StubServer.StartAsync(200, Completion(null));
        using var client = Client(server.Root, logprobs: false);

        var sampled = SampledTokenReader.Read(await client.GetResponseAsync(Conversation()));

        var body = Assert.Single(server.Requests).Json;
        Assert.False(body.TryGetProperty("logprobs", out _), body.ToString());
        Assert.False(body.TryGetProperty("return_tokens_as_token_ids", out _), body.ToString());
        Assert.Null(sampled);
    }
}
