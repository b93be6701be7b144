using System.Text.Json;
using GenAgent.Core.Backends.OpenAIImages;
using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;
using Microsoft.AspNetCore.Http;

namespace GenAgent.Core.Tests.Backends.OpenAIImages;

public sealed class OpenAIImagesClientTests
{
    private static string ImagesReply(string b64) => JsonSerializer.Serialize(new { created = 1, data = new[] { new { b64_json = b64 } } });

    private static Task Answer(HttpContext context, byte[]? image = null) =>
        StubServer.WriteAsync(context, 200, ImagesReply(Convert.ToBase64String(image ?? TestImages.Png())));

    private static ToolOptions Options(Uri root, string model = "dall-e-3") => new()
    {
        Backend = BackendNames.OpenAIImages,
        BaseUrl = new Uri(root, "v1/").ToString(),
        Model = model,
        ApiKey = "sk-img",
        Quality = "hd",
        CostPerImage = 0.04m,
    };

    private static OpenAIImagesClient Create(ToolOptions options, string section = "Generator", TimeSpan? attemptTimeout = null) =>
        new(TestHttp.Client(attemptTimeout), options, section);

    private static readonly GenerationRequest Generation = new("a red apple on a table", 64, 48, Seed: 42);

    [Fact]
    public async Task Every_retry_of_a_turns_call_carries_the_same_idempotency_key()
    {
        await using var server = await StubServer.StartAsync((n, _, context) => n == 1 ? StubServer.WriteAsync(context, 503, "busy", "text/plain") : Answer(context));
        var client = Create(Options(server.Root));

        await client.GenerateAsync(Generation with { IdempotencyKey = "genagent:sessions/s1/turn-01.png" });
        await client.EditAsync(new EditRequest("make it red", TestImages.Png(), 64, 48, 1, "genagent:sessions/s1/turn-02.png"));
        await client.GenerateAsync(Generation);

        Assert.Equal(
            ["genagent:sessions/s1/turn-01.png", "genagent:sessions/s1/turn-01.png", "genagent:sessions/s1/turn-02.png", null],
            server.Requests.Select(r => r.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task Generation_posts_the_documented_body_and_returns_the_checked_png()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => Answer(context));
        var client = Create(Options(server.Root));

        var image = await client.GenerateAsync(Generation);

        Assert.Equal(TestImages.Png(), image.Png);
        Assert.Equal((32, 24), (image.Width, image.Height));
        Assert.Equal(0.04m, image.Cost);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/images/generations", request.PathAndQuery);
        Assert.Equal("Bearer sk-img", request.Header("Authorization"));
        var body = request.Json;
        Assert.Equal("dall-e-3", body.GetProperty("model").GetString());
        Assert.Equal("a red apple on a table", body.GetProperty("prompt").GetString());
        Assert.Equal(1, body.GetProperty("n").GetInt32());
        Assert.Equal("64x48", body.GetProperty("size").GetString());
        Assert.Equal("b64_json", body.GetProperty("response_format").GetString());
        Assert.Equal("hd", body.GetProperty("quality").GetString());
        // A self-hosted server gets the seed; see Hosted_openai_never_gets_a_seed for the other side.
        Assert.Equal(42, body.GetProperty("seed").GetInt64());
    }

    [Fact]
    public async Task Gpt_image_models_get_no_response_format()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => Answer(context));
        var client = Create(Options(server.Root, model: "gpt-image-1"));

        await client.GenerateAsync(Generation);

        Assert.False(Assert.Single(server.Requests).Json.TryGetProperty("response_format", out _));
    }

    [Fact]
    public async Task Hosted_openai_never_gets_a_seed_and_azure_gets_the_api_key_header()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => Answer(context));
        var options = Options(server.Root);
        options.BaseUrl = "https://contoso.openai.azure.com/openai/v1";
        using var http = new HttpClient(new RedirectHandler(server.Root));
        var client = new OpenAIImagesClient(http, options, "Generator");

        await client.GenerateAsync(Generation);

        var request = Assert.Single(server.Requests);
        Assert.False(request.Json.TryGetProperty("seed", out _));
        Assert.Equal("sk-img", request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task Edit_posts_multipart_with_the_source_png()
    {
        IFormCollection? form = null;
        await using var server = await StubServer.StartAsync(async (_, recorded, context) =>
        {
            form = await ParseFormAsync(recorded);
            await Answer(context);
        });
        var client = Create(Options(server.Root, model: "gpt-image-1"), section: "Editor");
        var source = TestImages.Png(40, 40);

        var image = await client.EditAsync(new EditRequest("make the apple green", source, 40, 40, Seed: 7));

        Assert.True(TestImages.IsPng(image.Png));
        Assert.Equal("/v1/images/edits", Assert.Single(server.Requests).PathAndQuery);
        Assert.NotNull(form);
        Assert.Equal("make the apple green", form["prompt"].ToString());
        Assert.Equal("gpt-image-1", form["model"].ToString());
        Assert.Equal("40x40", form["size"].ToString());
        Assert.Equal("1", form["n"].ToString());
        Assert.False(form.ContainsKey("response_format"));
        var file = Assert.Single(form.Files);
        Assert.Equal("image", file.Name);
        Assert.Equal("image/png", file.ContentType);
        using var stream = new MemoryStream();
        await file.CopyToAsync(stream);
        Assert.Equal(source, stream.ToArray());
    }

    [Fact]
    public async Task A_jpeg_reply_is_reencoded_as_png()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => Answer(context, TestImages.Jpeg(48, 32)));
        var client = Create(Options(server.Root));

        var image = await client.GenerateAsync(Generation);

        Assert.True(TestImages.IsPng(image.Png));
        Assert.Equal((48, 32), (image.Width, image.Height));
    }

    [Fact]
    public async Task Retries_a_500_then_succeeds()
    {
        await using var server = await StubServer.StartAsync((n, _, context) =>
            n == 1 ? StubServer.WriteAsync(context, 503, "unavailable", "text/plain") : Answer(context));
        var client = Create(Options(server.Root));

        var image = await client.GenerateAsync(Generation);

        Assert.Equal(32, image.Width);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Persistent_500_is_transient()
    {
        await using var server = await StubServer.StartAsync(500, """{"error": {"message": "server melted"}}""");
        var client = Create(Options(server.Root));

        var error = await Assert.ThrowsAsync<TransientToolException>(() => client.GenerateAsync(Generation));

        Assert.Contains("server melted", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Unauthorized_names_the_editor_key_setting()
    {
        await using var server = await StubServer.StartAsync(401, """{"error": {"message": "Incorrect API key"}}""");
        var client = Create(Options(server.Root), section: "Editor");

        var error = await Assert.ThrowsAsync<PermanentToolException>(() =>
            client.EditAsync(new EditRequest("x", TestImages.Png(), 32, 24, 0)));

        Assert.Contains("GenAgent__Editor__ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_request_is_permanent_with_the_server_message()
    {
        await using var server = await StubServer.StartAsync(400, """{"error": {"message": "Invalid size '64x48'. Supported sizes are 1024x1024.", "type": "invalid_request_error"}}""");
        var client = Create(Options(server.Root));

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => client.GenerateAsync(Generation));

        Assert.Contains("Invalid size '64x48'", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("<html>proxy error</html>", "not an images response")]
    [InlineData("""{"data": [{"b64_json": "@@not base64@@"}]}""", "not valid base64")]
    [InlineData("""{"data": [{"b64_json": "aGVsbG8gd29ybGQ="}]}""", "not an image")]
    [InlineData("""{"data": []}""", "without data[0]")]
    [InlineData("""{"data": "oops"}""", "not an images response")]
    [InlineData("""{"data": [{"url": "https://example.com/a.png"}]}""", "URL instead of b64_json")]
    [InlineData("""{"data": [{"b64_json": null}]}""", "without image data")]
    public async Task Garbage_replies_are_permanent_and_say_what_was_wrong(string body, string expected)
    {
        await using var server = await StubServer.StartAsync(200, body);
        var client = Create(Options(server.Root));

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => client.GenerateAsync(Generation));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stalled_server_times_out_as_transient()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => StubServer.StallAsync(context));
        var client = Create(Options(server.Root), attemptTimeout: TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<TransientToolException>(() => client.GenerateAsync(Generation));
    }

    [Fact]
    public async Task A_refused_connection_is_transient()
    {
        var client = Create(Options(StubServer.ClosedPort()));

        var error = await Assert.ThrowsAsync<TransientToolException>(() => client.GenerateAsync(Generation));

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_base_url_names_the_key()
    {
        using var http = new HttpClient();

        var error = Assert.Throws<InvalidOperationException>(() => new OpenAIImagesClient(http, new ToolOptions { Backend = BackendNames.OpenAIImages }, "Generator"));

        Assert.Contains("GenAgent:Generator:BaseUrl", error.Message, StringComparison.Ordinal);
    }

    private static async Task<IFormCollection> ParseFormAsync(RecordedRequest recorded)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = recorded.ContentType;
        context.Request.Body = new MemoryStream(recorded.Body);
        return await context.Request.ReadFormAsync();
    }
}
