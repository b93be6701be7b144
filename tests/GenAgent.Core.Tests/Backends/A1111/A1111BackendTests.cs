using System.Text;
using System.Text.Json;
using GenAgent.Core.Backends.A1111;
using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;
using Microsoft.AspNetCore.Http;

namespace GenAgent.Core.Tests.Backends.A1111;

/// <summary>
/// The AUTOMATIC1111 / Forge backend against a loopback server answering as the WebUI's API documents:
/// <c>/sdapi/v1/txt2img</c> and <c>/sdapi/v1/img2img</c> with <c>{"images", "parameters", "info"}</c>, FastAPI's 422
/// validation errors, and basic authentication from <c>--api-auth</c>.
/// </summary>
public sealed class A1111BackendTests
{
    private static readonly byte[] Png = TestImages.Png(32, 24);

    internal static Task Answer(HttpContext context) => StubServer.WriteAsync(context, 200, JsonSerializer.Serialize(new
    {
        images = new[] { Convert.ToBase64String(Png) },
        parameters = new { },
        info = "{\"seed\": 7}",
    }));

    private static ToolOptions Options(Uri root, string? apiKey = null) => new()
    {
        Backend = BackendNames.A1111, BaseUrl = root.ToString(), ApiKey = apiKey, Steps = 20, Guidance = 6.5, NegativePrompt = "blurry, text",
    };

    [Fact]
    public async Task Txt2img_sends_the_caption_size_seed_steps_cfg_and_negative_prompt_with_basic_auth()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => Answer(context));
        var generator = new A1111Generator(TestHttp.Client(), Options(server.Root, apiKey: "ana:s3cret"));

        var image = await generator.GenerateAsync(new GenerationRequest("three red clocks", 768, 512, Seed: 123_456));

        Assert.Equal((32, 24), (image.Width, image.Height));
        var request = Assert.Single(server.Requests);
        Assert.Equal("/sdapi/v1/txt2img", request.PathAndQuery);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ana:s3cret")), request.Header("Authorization"));
        var body = request.Json;
        Assert.Equal("three red clocks", body.GetProperty("prompt").GetString());
        Assert.Equal(123_456, body.GetProperty("seed").GetInt64());
        Assert.Equal((768, 512), (body.GetProperty("width").GetInt32(), body.GetProperty("height").GetInt32()));
        Assert.Equal(20, body.GetProperty("steps").GetInt32());
        Assert.Equal(6.5, body.GetProperty("cfg_scale").GetDouble());
        Assert.Equal("blurry, text", body.GetProperty("negative_prompt").GetString());
        Assert.Equal((1, 1), (body.GetProperty("batch_size").GetInt32(), body.GetProperty("n_iter").GetInt32()));
    }

    [Fact]
    public async Task Img2img_sends_the_source_as_init_image_with_the_denoising_strength()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => Answer(context));
        var source = TestImages.Png(20, 16);
        var options = Options(server.Root);

        await new A1111Editor(TestHttp.Client(), options).EditAsync(new EditRequest("make the bus red", source, 20, 16, Seed: 9));
        options.DenoisingStrength = 0.35;
        await new A1111Editor(TestHttp.Client(), options).EditAsync(new EditRequest("make the bus red", source, 20, 16, Seed: 9));

        var requests = server.Requests.ToList();
        Assert.All(requests, r => Assert.Equal("/sdapi/v1/img2img", r.PathAndQuery));
        Assert.All(requests, r => Assert.Null(r.Header("Authorization")));
        var body = requests[0].Json;
        Assert.Equal("make the bus red", body.GetProperty("prompt").GetString());
        Assert.Equal(source, Convert.FromBase64String(Assert.Single(body.GetProperty("init_images").EnumerateArray()).GetString()!));
        Assert.Equal(A1111Editor.DefaultDenoisingStrength, body.GetProperty("denoising_strength").GetDouble());
        Assert.Equal(0.35, requests[1].Json.GetProperty("denoising_strength").GetDouble());
        Assert.Equal(9, body.GetProperty("seed").GetInt64());
    }

    [Theory]
    [InlineData(-1L, 4_294_967_295L)]
    [InlineData(4_294_967_301L, 5L)]
    [InlineData(42L, 42L)]
    public void Seeds_fold_into_the_webui_range_and_never_mean_random(long seed, long sent) => Assert.Equal(sent, A1111Client.SeedOf(seed));

    [Fact]
    public async Task A_validation_error_is_permanent_and_shows_the_servers_detail()
    {
        await using var server = await StubServer.StartAsync(422, """{"detail": [{"loc": ["body", "width"], "msg": "value is not a valid integer", "type": "type_error.integer"}]}""");
        var generator = new A1111Generator(TestHttp.Client(), Options(server.Root));

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => generator.GenerateAsync(new GenerationRequest("x", 64, 64, 1)));

        Assert.Contains("value is not a valid integer", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_server_error_is_retried_then_transient()
    {
        await using var server = await StubServer.StartAsync(500, """{"error": "OutOfMemoryError", "detail": "", "body": "", "errors": "CUDA out of memory"}""");
        var generator = new A1111Generator(TestHttp.Client(), Options(server.Root));

        var error = await Assert.ThrowsAsync<TransientToolException>(() => generator.GenerateAsync(new GenerationRequest("x", 64, 64, 1)));

        Assert.Contains("OutOfMemoryError", error.Message, StringComparison.Ordinal);
        Assert.True(server.Requests.Count > 1);
    }

    [Fact]
    public async Task A_reply_without_images_is_permanent()
    {
        await using var server = await StubServer.StartAsync(200, """{"images": [], "parameters": {}, "info": "{}"}""");
        var generator = new A1111Generator(TestHttp.Client(), Options(server.Root));

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => generator.GenerateAsync(new GenerationRequest("x", 64, 64, 1)));

        Assert.Contains("without images", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_not_a_user_password_pair_names_the_setting()
    {
        var options = new GenAgentOptions { Generator = new ToolOptions { Backend = BackendNames.A1111, BaseUrl = "http://127.0.0.1:7860/", ApiKey = "sk-abc" } };

        var problems = GenAgentServiceCollectionExtensions.Validate(options);

        Assert.Contains(problems, p => p.Contains("GenAgent:Generator:ApiKey", StringComparison.Ordinal) && p.Contains("user:password", StringComparison.Ordinal));
    }
}
