using System.Text.Json;
using GenAgent.Core.Backends.GenAgentServer;
using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;
using Microsoft.AspNetCore.Http;

namespace GenAgent.Core.Tests.Backends.GenAgentServer;

public sealed class GenAgentServerGeneratorTests
{
    private static readonly GenerationRequest Request = new("two green apples", 1024, 768, Seed: 3);

    internal static Task Answer(HttpContext context) =>
        StubServer.WriteAsync(context, 200, JsonSerializer.Serialize(new { status = "success", images = new[] { TestImages.PngBase64() } }));

    private static ToolOptions Options(Uri root) => new() { Backend = BackendNames.GenAgentServer, BaseUrl = root.ToString(), CostPerImage = 0.002m };

    private static GenAgentServerGenerator Create(ToolOptions options, TimeSpan? attemptTimeout = null) =>
        new(TestHttp.Client(attemptTimeout), options);

    [Fact]
    public async Task Posts_exactly_the_reference_body_when_no_sampler_setting_is_configured()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => Answer(context));

        var image = await Create(Options(server.Root)).GenerateAsync(Request);

        Assert.Equal(TestImages.Png(), image.Png);
        Assert.Equal(0.002m, image.Cost);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/generate/", request.PathAndQuery);
        Assert.Null(request.Header("Authorization"));
        var body = request.Json;
        Assert.Equal(["two green apples"], body.GetProperty("prompt").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(768, body.GetProperty("height").GetInt32());
        Assert.Equal(1024, body.GetProperty("width").GetInt32());
        // Nothing else: the server's own steps and guidance apply, and it takes no seed.
        Assert.Equal(["prompt", "height", "width"], body.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Configured_steps_and_guidance_are_sent()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => Answer(context));
        var options = Options(server.Root);
        options.Steps = 28;
        options.Guidance = 5;

        await Create(options).GenerateAsync(Request);

        var body = Assert.Single(server.Requests).Json;
        Assert.Equal(28, body.GetProperty("num_inference_steps").GetInt32());
        Assert.Equal(5, body.GetProperty("guidance_scale").GetDouble());
    }

    [Fact]
    public async Task A_failure_status_is_permanent_with_the_reply_message()
    {
        await using var server = await StubServer.StartAsync(200, """{"status": "error", "message": "CUDA out of memory"}""");

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => Create(Options(server.Root)).GenerateAsync(Request));

        Assert.Contains("CUDA out of memory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_after_429_with_retry_after_then_succeeds()
    {
        await using var server = await StubServer.StartAsync((n, _, context) =>
        {
            if (n > 1)
            {
                return Answer(context);
            }

            context.Response.Headers.RetryAfter = "1";
            return StubServer.WriteAsync(context, 429, """{"detail": "queue full"}""");
        });

        var image = await Create(Options(server.Root)).GenerateAsync(Request);

        Assert.Equal(32, image.Width);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Persistent_500_is_transient_with_the_server_detail()
    {
        await using var server = await StubServer.StartAsync(500, """{"detail": "pipeline crashed"}""");

        var error = await Assert.ThrowsAsync<TransientToolException>(() => Create(Options(server.Root)).GenerateAsync(Request));

        Assert.Contains("pipeline crashed", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [InlineData("""{"status": "success", "images": []}""", "without images")]
    [InlineData("""{"status": "success", "images": "abc"}""", "not a generate reply")]
    [InlineData("""{"status": "success", "images": ["AAAA""", "not a generate reply")]
    [InlineData("""{"images": ["AAAA"]}""", "status '(missing)'")]
    [InlineData("""{"status": "success", "images": ["%%%"]}""", "not valid base64")]
    [InlineData("""null""", "JSON null")]
    public async Task Garbage_replies_are_permanent(string body, string expected)
    {
        await using var server = await StubServer.StartAsync(200, body);

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => Create(Options(server.Root)).GenerateAsync(Request));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stalled_server_times_out_as_transient()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => StubServer.StallAsync(context));

        var error = await Assert.ThrowsAsync<TransientToolException>(() =>
            Create(Options(server.Root), attemptTimeout: TimeSpan.FromMilliseconds(200)).GenerateAsync(Request));

        Assert.Contains("did not answer in time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_transient()
    {
        await Assert.ThrowsAsync<TransientToolException>(() => Create(Options(StubServer.ClosedPort())).GenerateAsync(Request));
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_reclassified()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => StubServer.StallAsync(context));
        using var cancellation = new CancellationTokenSource();
        var call = Create(Options(server.Root)).GenerateAsync(Request, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
