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
        { """{"model":"sd-tiny","prompt":"a red bus","size":"64x64","steps":5000}""", "invalid_steps", "steps", "between 1 and 150" },
        { """{"model":"sd-tiny","prompt":"a red bus","size":"64x64","steps":0}""", "invalid_steps", "steps", null },
        { """{"model":"sd-tiny","prompt":"a red bus","size":"64x64","steps":-5}""", "invalid_steps", "steps", null },
        { """{"model":"sd-tiny","prompt":"a red bus","guidance_scale":1000}""", "invalid_guidance_scale", "guidance_scale", null },
        { """{"model":"sd-tiny","prompt":"a cat","size":""}""", "invalid_size", "size", "size is empty" },
        { $$"""{"model":"sd-tiny","prompt":"{{new string('a', 20_000)}}"}""", "prompt_too_long", "prompt", "limit is 8000" },
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

    [Fact]
    public async Task A_bad_request_sent_with_valid_ones_gets_its_own_400_and_theirs_succeed()
    {
        const string valid = """{"model":"sd-tiny","prompt":"a red bus","size":"64x64"}""";
        var requests = new[] { valid, """{"model":"sd-tiny","prompt":"a red bus","size":"64x64","steps":5000}""", valid, valid }
            .Select(json => Http.PostAsync("v1/images/generations", new StringContent(json, Encoding.UTF8, "application/json")))
            .ToList();

        var responses = await Task.WhenAll(requests);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.OK], responses.Select(r => r.StatusCode));
        foreach (var response in responses) response.Dispose();
    }

    [Fact]
    public async Task The_papers_generate_refuses_steps_out_of_range()
    {
        using var response = await Http.PostAsync("generate/", new StringContent("""{"prompt":["a cat"],"num_inference_steps":1000000}""", Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, "invalid_steps", "num_inference_steps", null);
    }

    public static TheoryData<string, byte[], string> BrokenImages => new()
    {
        { "a header claiming 50000x50000", HugeHeaderPng(50_000, 50_000), "each side must be" },
        { "a header claiming 8000x8000", HugeHeaderPng(8_000, 8_000), "limit is" },
        { "a truncated PNG", TestImages.Solid(64, 64, SkiaSharp.SKColors.Red)[..120], "truncated or corrupt" },
        { "a GIF", Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="), "use PNG, JPEG or WebP" },
    };

    [Theory]
    [MemberData(nameof(BrokenImages))]
    public async Task Broken_or_oversized_images_are_400_on_every_image_endpoint(string what, byte[] image, string messagePart)
    {
        _ = what;
        using var edit = EditForm(image, "make it red");
        using var edited = await Http.PostAsync("v1/images/edits", edit);
        await AssertErrorAsync(edited, "invalid_image", "image", messagePart);

        using var clip = await Http.PostAsJsonAsync("v1/judge/clip", new { text = "a cat", image = Convert.ToBase64String(image) });
        Assert.Equal(HttpStatusCode.BadRequest, clip.StatusCode);
        using var paper = await Http.PostAsJsonAsync("generate/", new { prompt = new[] { "make it red" }, image = new[] { Convert.ToBase64String(image) } });
        Assert.Equal(HttpStatusCode.BadRequest, paper.StatusCode);
    }

    [Fact]
    public async Task The_clip_judge_takes_at_most_64_images_per_call()
    {
        var one = Convert.ToBase64String(TestImages.Solid(32, 32, SkiaSharp.SKColors.Red));

        using var response = await Http.PostAsJsonAsync("v1/judge/clip", new { text = "a cat", images = Enumerable.Repeat(one, 1000).ToArray() });

        await AssertErrorAsync(response, "too_many_images", "images", "at most 64");
    }

    /// <summary>A valid 1x1 PNG whose IHDR claims other dimensions (CRC fixed), as a decompression bomb's header would.</summary>
    private static byte[] HugeHeaderPng(int width, int height)
    {
        var png = TestImages.Solid(1, 1, SkiaSharp.SKColors.Red);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>PNG's chunk CRC (IEEE 802.3), bit by bit: 17 bytes need no table or package.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
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
