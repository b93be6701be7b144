using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GenAgent.Inference.TestModels;
using SkiaSharp;

namespace GenAgent.GpuWorker.Tests.Api;

[Collection(WorkerCollection.Name)]
public sealed class ImagesApiTests(WorkerFixture fixture)
{
    private HttpClient Http => fixture.Worker.Http;

    [Fact]
    public async Task Generation_returns_the_known_image_at_the_models_default_size()
    {
        using var response = await Http.PostAsJsonAsync("v1/images/generations", new { model = TinyModelSet.SdName, prompt = "a red bus", seed = 11 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("created").GetInt64() > 0);
        var datum = Assert.Single(body.GetProperty("data").EnumerateArray().ToList());
        Assert.Equal(11, datum.GetProperty("seed").GetInt64());
        TestImages.AssertUniform(Convert.FromBase64String(datum.GetProperty("b64_json").GetString()!), 64, 64, TestImages.ExpectedSdColor("a red bus"));
    }

    [Fact]
    public async Task Generation_with_n_and_size_returns_n_images_with_consecutive_seeds()
    {
        using var response = await Http.PostAsJsonAsync(
            "v1/images/generations",
            new { model = TinyModelSet.SdName, prompt = "two green apples", n = 3, size = "96x128", seed = 40, response_format = "b64_json" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([40L, 41L, 42L], data.Select(d => d.GetProperty("seed").GetInt64()));
        var expected = TestImages.ExpectedSdColor("two green apples");
        foreach (var datum in data)
        {
            TestImages.AssertUniform(Convert.FromBase64String(datum.GetProperty("b64_json").GetString()!), 96, 128, expected);
        }
    }

    [Fact]
    public async Task Same_seed_reproduces_the_flux_image_byte_for_byte()
    {
        var request = new { model = TinyModelSet.FluxName, prompt = "a lighthouse", seed = 5 };
        using var first = await Http.PostAsJsonAsync("v1/images/generations", request);
        using var second = await Http.PostAsJsonAsync("v1/images/generations", request);

        var a = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data")[0].GetProperty("b64_json").GetString();
        var b = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data")[0].GetProperty("b64_json").GetString();
        Assert.Equal(a, b);
        using var bitmap = SKBitmap.Decode(Convert.FromBase64String(a!));
        Assert.Equal(64, bitmap.Width);
    }

    [Fact]
    public async Task Edit_takes_a_multipart_upload_like_openai()
    {
        using var form = new MultipartFormDataContent();
        var image = new ByteArrayContent(TestImages.Solid(64, 64, SKColors.Blue));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "image", "source.png");
        form.Add(new StringContent("make it yellow"), "prompt");
        form.Add(new StringContent(TinyModelSet.SdName), "model");
        form.Add(new StringContent("2"), "n");
        form.Add(new StringContent("64x64"), "size");
        form.Add(new StringContent("0.8"), "strength");
        form.Add(new StringContent("9"), "seed");

        using var response = await Http.PostAsync("v1/images/edits", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, data.Count);
        // sd-tiny's denoiser lands on the prompt's latent from any starting point, so an edit ends on the known image too.
        TestImages.AssertUniform(Convert.FromBase64String(data[0].GetProperty("b64_json").GetString()!), 64, 64, TestImages.ExpectedSdColor("make it yellow"));
    }

    [Fact]
    public async Task Models_lists_every_model_in_openai_shape()
    {
        var list = await Http.GetFromJsonAsync<JsonElement>("v1/models");

        Assert.Equal("list", list.GetProperty("object").GetString());
        var ids = list.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal([TinyModelSet.FluxName, TinyModelSet.SdName, TinyModelSet.ClipName], ids);
        Assert.All(list.GetProperty("data").EnumerateArray(), m => Assert.Equal("model", m.GetProperty("object").GetString()));
    }
}
