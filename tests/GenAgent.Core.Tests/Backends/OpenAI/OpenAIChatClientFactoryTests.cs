using System.Text.Json;
using GenAgent.Core.Backends.OpenAI;
using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace GenAgent.Core.Tests.Backends.OpenAI;

public sealed class OpenAIChatClientFactoryTests
{
    private const string Reply = "<think>one red apple</think>\n<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"a red apple\"}}";

    private static string Completion(string? content) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "GenAgent",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 120, completion_tokens = 30, total_tokens = 150 },
    });

    private static Task Answer(HttpContext context, string? content = Reply) => StubServer.WriteAsync(context, 200, Completion(content));

    private static AgentOptions Options(Uri root, string? apiKey = "sk-test") => new()
    {
        Backend = BackendNames.OpenAI,
        BaseUrl = new Uri(root, "v1").ToString(),
        Model = "GenAgent",
        ApiKey = apiKey,
    };

    private static IChatClient Create(AgentOptions options, TimeSpan? attemptTimeout = null) =>
        OpenAIChatClientFactory.Create(options, TestHttp.Client(attemptTimeout));

    private static List<ChatMessage> Conversation() =>
    [
        new(ChatRole.System, "You are GenAgent."),
        new(ChatRole.User, [new TextContent("<tool_response>"), new DataContent(TestImages.Png(), "image/png"), new TextContent("</tool_response>")]),
    ];

    [Fact]
    public async Task Sends_the_configured_model_temperature_stop_and_image_as_data_url()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => Answer(context));
        using var client = Create(Options(server.Root));

        var response = await client.GetResponseAsync(Conversation());

        Assert.Equal(Reply, response.Text);
        Assert.Equal(120, response.Usage?.InputTokenCount);
        Assert.Equal(30, response.Usage?.OutputTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.PathAndQuery);
        Assert.Equal("Bearer sk-test", request.Header("Authorization"));
        var body = request.Json;
        Assert.Equal("GenAgent", body.GetProperty("model").GetString());
        Assert.Equal(0, body.GetProperty("temperature").GetDouble());
        Assert.Equal(["</tool_call>"], body.GetProperty("stop").EnumerateArray().Select(s => s.GetString()));
        // No cap unless configured, as the reference client: a long think is never cut.
        Assert.False(body.TryGetProperty("max_completion_tokens", out _) || body.TryGetProperty("max_tokens", out _), body.ToString());
        var parts = body.GetProperty("messages")[1].GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["text", "image_url", "text"], parts.Select(p => p.GetProperty("type").GetString()));
        var url = parts[1].GetProperty("image_url").GetProperty("url").GetString()!;
        Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
        Assert.Equal(TestImages.Png(), Convert.FromBase64String(url["data:image/png;base64,".Length..]));
    }

    [Fact]
    public async Task Caller_options_win_and_the_stop_sequence_is_not_duplicated()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => Answer(context));
        using var client = Create(Options(server.Root));

        await client.GetResponseAsync(Conversation(), new ChatOptions { Temperature = 0.7f, StopSequences = ["</tool_call>", "<answer>"] });

        var body = Assert.Single(server.Requests).Json;
        Assert.Equal(0.7, body.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal(["</tool_call>", "<answer>"], body.GetProperty("stop").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Without_a_key_sends_no_authorization_header()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => Answer(context));
        using var client = Create(Options(server.Root, apiKey: null));

        await client.GetResponseAsync(Conversation());

        Assert.Null(Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Azure_hosts_get_the_key_in_the_api_key_header()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => Answer(context));
        var options = Options(server.Root);
        options.BaseUrl = "https://contoso.openai.azure.com/openai/v1";
        using var http = new HttpClient(new RedirectHandler(server.Root));
        using var client = OpenAIChatClientFactory.Create(options, http);

        await client.GetResponseAsync(Conversation());

        var request = Assert.Single(server.Requests);
        Assert.Equal("sk-test", request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("/openai/v1/chat/completions", request.PathAndQuery);
    }

    [Fact]
    public async Task Retries_after_429_with_retry_after_then_succeeds()
    {
        await using var server = await StubServer.StartAsync((n, _, context) =>
        {
            if (n == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return StubServer.WriteAsync(context, 429, """{"error": {"message": "slow down"}}""");
            }

            return Answer(context);
        });
        using var client = Create(Options(server.Root));

        var response = await client.GetResponseAsync(Conversation());

        Assert.Equal(Reply, response.Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_a_500_then_succeeds()
    {
        await using var server = await StubServer.StartAsync((n, _, context) =>
            n == 1 ? StubServer.WriteAsync(context, 500, "boom", "text/plain") : Answer(context));
        using var client = Create(Options(server.Root));

        var response = await client.GetResponseAsync(Conversation());

        Assert.Equal(Reply, response.Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Persistent_500_is_transient_after_bounded_retries()
    {
        await using var server = await StubServer.StartAsync(500, """{"error": {"message": "engine overloaded"}}""");
        using var client = Create(Options(server.Root));

        var error = await Assert.ThrowsAsync<TransientToolException>(() => client.GetResponseAsync(Conversation()));

        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.Contains("engine overloaded", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Unauthorized_is_permanent_and_names_the_key_setting()
    {
        await using var server = await StubServer.StartAsync(401, """{"error": {"message": "Incorrect API key provided"}}""");
        using var client = Create(Options(server.Root));

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => client.GetResponseAsync(Conversation()));

        Assert.Contains("rejected the API key", error.Message, StringComparison.Ordinal);
        Assert.Contains("GenAgent__Agent__ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(500)]
    public async Task A_reply_echoing_the_key_never_carries_it_into_the_error(int status)
    {
        const string key = "sk-live-0123456789abcdefghijklmnop";
        await using var server = await StubServer.StartAsync((_, request, context) => StubServer.WriteAsync(
            context, status, $$$"""{"error": {"message": "bad credentials; you sent Authorization: {{{request.Header("Authorization")}}} and api-key={{{key}}}"}}"""));
        GenAgent.Core.Security.SecretRedactor.Register(key);
        using var client = Create(Options(server.Root, apiKey: key));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync(Conversation()));
        Assert.True(error is PermanentToolException or TransientToolException, error.GetType().Name);

        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", error.Message, StringComparison.Ordinal);
        Assert.Contains("***", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_model_is_permanent_with_the_server_message()
    {
        await using var server = await StubServer.StartAsync(404, """{"object": "error", "message": "The model `GenAgnet` does not exist.", "code": 404}""");
        using var client = Create(Options(server.Root));

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => client.GetResponseAsync(Conversation()));

        Assert.Contains("The model `GenAgnet` does not exist.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body>Bad gateway page</body></html>", "text/html")]
    [InlineData("""{"id": "x", "choices": [{"index": 0, "message": {"role": "assistant", "content": "trunc""", "application/json")]
    [InlineData("""{"id": "x", "choices": "none"}""", "application/json")]
    [InlineData("""{"id": "x", "choices": []}""", "application/json")]
    public async Task Garbage_replies_are_permanent(string body, string contentType)
    {
        await using var server = await StubServer.StartAsync(200, body, contentType);
        using var client = Create(Options(server.Root));

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => client.GetResponseAsync(Conversation()));

        Assert.Contains("not a chat completion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_reply_is_permanent()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => Answer(context, content: ""));
        using var client = Create(Options(server.Root));

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => client.GetResponseAsync(Conversation()));

        Assert.Contains("empty reply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stalled_server_times_out_as_transient()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => StubServer.StallAsync(context));
        using var client = Create(Options(server.Root), attemptTimeout: TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<TransientToolException>(() => client.GetResponseAsync(Conversation()));

        Assert.Contains("did not answer in time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_transient()
    {
        using var client = Create(Options(StubServer.ClosedPort()));

        var error = await Assert.ThrowsAsync<TransientToolException>(() => client.GetResponseAsync(Conversation()));

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_failures_are_classified()
    {
        await using var server = await StubServer.StartAsync(401, """{"error": {"message": "no"}}""");
        using var client = Create(Options(server.Root));

        var error = await Assert.ThrowsAsync<PermanentToolException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Conversation()))
            {
                Assert.Fail($"Unexpected update {update.Text}");
            }
        });

        Assert.Contains("GenAgent__Agent__ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_returns_the_text_with_the_stop_sequence_sent()
    {
        static string Chunk(string content) => JsonSerializer.Serialize(new
        {
            id = "chatcmpl-2",
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model = "GenAgent",
            choices = new[] { new { index = 0, delta = new { role = "assistant", content }, finish_reason = (string?)null } },
        });
        await using var server = await StubServer.StartAsync((_, _, context) =>
            StubServer.WriteAsync(context, 200, $"data: {Chunk("<judge>fine</judge>")}\n\ndata: {Chunk("<answer>done</answer>")}\n\ndata: [DONE]\n\n", "text/event-stream"));
        using var client = Create(Options(server.Root));

        var text = string.Concat(await client.GetStreamingResponseAsync(Conversation()).Select(u => u.Text).ToListAsync());

        Assert.Equal("<judge>fine</judge><answer>done</answer>", text);
        var body = Assert.Single(server.Requests).Json;
        Assert.True(body.GetProperty("stream").GetBoolean());
        Assert.Equal(["</tool_call>"], body.GetProperty("stop").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task A_configured_output_cap_is_sent()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => Answer(context));
        var options = Options(server.Root);
        options.MaxOutputTokens = 4096;
        using var client = Create(options);

        await client.GetResponseAsync(Conversation());

        var body = Assert.Single(server.Requests).Json;
        var maxTokens = body.TryGetProperty("max_completion_tokens", out var m) ? m : body.GetProperty("max_tokens");
        Assert.Equal(4096, maxTokens.GetInt32());
    }

    [Fact]
    public async Task Without_a_model_name_the_first_served_model_is_read_once_from_the_models_endpoint()
    {
        await using var server = await StubServer.StartAsync((_, request, context) => request.PathAndQuery == "/v1/models"
            ? StubServer.WriteAsync(context, 200, """{"object": "list", "data": [{"id": "genagent", "object": "model"}, {"id": "other"}]}""")
            : Answer(context));
        var options = Options(server.Root);
        options.Model = null;
        using var client = Create(options);

        await client.GetResponseAsync(Conversation());
        await client.GetResponseAsync(Conversation());

        Assert.Equal(["/v1/models", "/v1/chat/completions", "/v1/chat/completions"], server.Requests.Select(r => r.PathAndQuery));
        Assert.Equal("Bearer sk-test", server.Requests.First().Header("Authorization"));
        Assert.All(server.Requests.Skip(1), r => Assert.Equal("genagent", r.Json.GetProperty("model").GetString()));
    }

    [Fact]
    public async Task An_endpoint_that_lists_no_model_names_the_setting()
    {
        await using var server = await StubServer.StartAsync(200, """{"data": []}""");
        var options = Options(server.Root);
        options.Model = "";
        using var client = Create(options);

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => client.GetResponseAsync(Conversation()));

        Assert.Contains("GenAgent:Agent:Model", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "gpt-4.1", "GenAgent:Agent:BaseUrl")]
    [InlineData("not a url", "gpt-4.1", "GenAgent:Agent:BaseUrl")]
    public void Missing_settings_name_the_configuration_key(string? baseUrl, string? model, string key)
    {
        using var http = new HttpClient();
        var options = new AgentOptions { Backend = BackendNames.OpenAI, BaseUrl = baseUrl, Model = model };

        var error = Assert.Throws<InvalidOperationException>(() => OpenAIChatClientFactory.Create(options, http));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
