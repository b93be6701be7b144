using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GenAgent.Inference.TestModels;

namespace GenAgent.GpuWorker.Tests.Api;

/// <summary>Every refusal is a 400 with OpenAI's error body naming the field.</summary>
[Collection(WorkerCollection.Name)]
public sealed class BadRequestTests(WorkerFixture fixture)
{
    private HttpClient Http => fixture.Worker.Http;

    public static TheoryData<string, string, string, string?> Generations => new()
    {
        { """{"model":"no-such-model","prompt":"a cat"}""", "model_not_found", "model", "no-such-model" },
        { """{"model":"sd-tiny","prompt":"a cat","size":"100x64"}""", "invalid_size", "size", "multiple of 32" },
        { """{"model":"sd-tiny","prompt":"a cat","size":"512x512"}""", "invalid_size", "size", "maximum 256x256" },
        { """{"model":"sd-tiny","prompt":"a cat","size":"big"}""", "invalid_size", "size", "WIDTHxHEIGHT" },
        { """{"model":"sd-tiny","prompt":"a cat","n":5}""", "invalid_n", "n", "between 1 and 4" },
        { """{"model":"sd-tiny","prompt":"a cat","n":0}""", "invalid_n", "n", null },
        { """{"model":"sd-tiny","prompt":"   "}""", "empty_prompt", "prompt", null },
        { """{"model":"sd-tiny"}""", "empty_prompt", "prompt", null },
        { """{"model":"sd-tiny","prompt":"a cat","response_format":"url"}""", "unsupported_response_format", "response_format", "b64_json" },
        { """{"model":"sd-tiny","prompt": """, "invalid_json", "$.prompt", null },
        { """{"model":"sd-tiny","prompt":"a cat","n":"two"}""", "invalid_json", "$.n", null },
    };

    [Theory]
    [MemberData(nameof(Generations))]
    public async Task Generation_refusals(string json, string code, string param, string? messagePart)
    {
        using var response = await Http.PostAsync("v1/images/generations", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, code, param, messagePart);
    }

    [Fact]
    public async Task Generation_without_json_content_type_is_refused()
    {
        using var response = await Http.PostAsync("v1/images/generations", new StringContent("prompt=a cat", Encoding.UTF8, "text/plain"));

        await AssertErrorAsync(response, "invalid_content_type", null, "application/json");
    }

    [Fact]
    public async Task Edit_of_bytes_that_are_not_an_image_is_refused()
    {
        using var form = EditForm(Encoding.UTF8.GetBytes("this is not a png"), "make it red");

        using var response = await Http.PostAsync("v1/images/edits", form);

        await AssertErrorAsync(response, "invalid_image", "image", "not a PNG, JPEG or WebP");
    }

    [Fact]
    public async Task Edit_without_prompt_or_image_is_refused()
    {
        using var noPrompt = EditForm(TestImages.Solid(64, 64, SkiaSharp.SKColors.Red), "");
        using var response = await Http.PostAsync("v1/images/edits", noPrompt);
        await AssertErrorAsync(response, "empty_prompt", "prompt", null);

        using var noImage = new MultipartFormDataContent { { new StringContent("make it red"), "prompt" } };
        using var second = await Http.PostAsync("v1/images/edits", noImage);
        await AssertErrorAsync(second, "missing_image", "image", null);
    }

    [Fact]
    public async Task Paper_protocol_refusals_use_the_same_body()
    {
        using var empty = await Http.PostAsJsonAsync("generate/", new { prompt = Array.Empty<string>() });
        await AssertErrorAsync(empty, "empty_prompt", "prompt", null);

        using var size = await Http.PostAsJsonAsync("generate/", new { prompt = new[] { "a cat" }, width = 70, height = 64 });
        await AssertErrorAsync(size, "invalid_size", "width", "multiple of 32");

        using var image = await Http.PostAsJsonAsync("generate/", new { prompt = new[] { "a cat" }, image = new[] { "bm90IGFuIGltYWdl" } });
        await AssertErrorAsync(image, "invalid_image", "image[0]", null);
    }

    [Fact]
    public async Task Judge_refusals_use_the_same_body()
    {
        using var clip = await Http.PostAsJsonAsync("v1/judge/clip", new { text = "a cat" });
        await AssertErrorAsync(clip, "missing_image", "image", null);

        using var text = await Http.PostAsJsonAsync("v1/judge/text", new { image = "%%%", text = "HELLO" });
        await AssertErrorAsync(text, "invalid_image", "image", "base64");
    }

    private static MultipartFormDataContent EditForm(byte[] image, string prompt)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(content, "image", "source.png");
        form.Add(new StringContent(prompt), "prompt");
        form.Add(new StringContent(TinyModelSet.SdName), "model");
        return form;
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, string code, string? param, string? messagePart)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        if (param is null)
        {
            Assert.True(error.TryGetProperty("param", out _), "param must be present (null) like OpenAI's");
        }
        else
        {
            Assert.Equal(param, error.GetProperty("param").GetString());
        }

        var message = error.GetProperty("message").GetString()!;
        Assert.NotEmpty(message);
        if (messagePart is not null)
        {
            Assert.Contains(messagePart, message, StringComparison.Ordinal);
        }
    }
}
