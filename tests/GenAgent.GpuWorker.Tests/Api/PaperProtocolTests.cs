using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GenAgent.Inference.TestModels;
using SkiaSharp;

namespace GenAgent.GpuWorker.Tests.Api;

/// <summary>The paper's <c>POST /generate/</c> in exactly the shapes its reference client sends and reads.</summary>
public sealed class PaperProtocolTests : IAsyncLifetime
{
    private TestWorker _worker = null!;

    // The paper's generator is the worker's default model; sd-tiny is chosen so the known image can be checked.
    public async Task InitializeAsync() =>
        _worker = await TestWorker.StartAsync(("Worker:GenerateModel", TinyModelSet.SdName), ("Worker:EditModel", TinyModelSet.SdName), ("Ocr:Enabled", "false"));

    public async Task DisposeAsync() => await _worker.DisposeAsync();

    [Fact]
    public async Task Generate_round_trip_in_the_reference_shapes()
    {
        using var response = await _worker.Http.PostAsJsonAsync("generate/", new Dictionary<string, object>
        {
            ["prompt"] = new[] { "three red clocks", "a blue bus" },
            ["height"] = 64,
            ["width"] = 96,
            ["num_inference_steps"] = 2,
            ["guidance_scale"] = 0.0,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("success", body.GetProperty("status").GetString());
        var images = body.GetProperty("images").EnumerateArray().Select(i => Convert.FromBase64String(i.GetString()!)).ToList();
        Assert.Equal(2, images.Count);
        TestImages.AssertUniform(images[0], 96, 64, TestImages.ExpectedSdColor("three red clocks"));
        TestImages.AssertUniform(images[1], 96, 64, TestImages.ExpectedSdColor("a blue bus"));
    }

    [Fact]
    public async Task Edit_round_trip_in_the_reference_shapes()
    {
        var source = Convert.ToBase64String(TestImages.Solid(64, 64, SKColors.Green));
        using var response = await _worker.Http.PostAsJsonAsync("generate/", new Dictionary<string, object>
        {
            ["prompt"] = new[] { "make the clocks red" },
            ["image"] = new[] { source },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("success", body.GetProperty("status").GetString());
        var image = Convert.FromBase64String(Assert.Single(body.GetProperty("images").EnumerateArray().ToList()).GetString()!);
        TestImages.AssertUniform(image, 64, 64, TestImages.ExpectedSdColor("make the clocks red"));
        var model = await _worker.ModelHealthAsync(TinyModelSet.SdName);
        Assert.True(model.GetProperty("images_run").GetInt64() >= 1);
    }

    [Fact]
    public async Task A_single_string_prompt_is_accepted_and_the_default_seed_is_fixed()
    {
        using var first = await _worker.Http.PostAsJsonAsync("generate", new { prompt = "a lighthouse" });
        using var second = await _worker.Http.PostAsJsonAsync("generate", new { prompt = new[] { "a lighthouse" } });

        var a = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("images")[0].GetString();
        var b = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("images")[0].GetString();
        Assert.Equal(a, b);
    }
}
