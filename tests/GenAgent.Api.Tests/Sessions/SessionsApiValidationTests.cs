using System.Net;
using System.Text.Json.Nodes;

namespace GenAgent.Api.Tests.Sessions;

/// <summary>Every bad request is a 400 problem that names the field at fault, and starts nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class SessionsApiValidationTests(ApiServer server)
{
    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"options": {"maxImages": 1}}""", "prompt" },
        { """{"prompt": "   "}""", "prompt" },
        { $$"""{"prompt": "{{new string('a', 2001)}}"}""", "prompt" },
        { """{"prompt": "a cat", "colour": "red"}""", "colour" },
        { """{"prompt": "a cat", "options": {"maxImages": 1, "steps": 8}}""", "options.steps" },
        { """{"prompt": "a cat", "options": {"maxImages": "two"}}""", "options.maxImages" },
        { """{"prompt": "a cat", "options": {"maxImages": 0}}""", "options.maxImages" },
        { """{"prompt": "a cat", "options": {"width": 8}}""", "options.width" },
        { """{"prompt": "a cat", "options": {"tools": ["image_editing_tool"]}}""", "options.tools" },
        { """{"prompt": "a cat", "options": {"effort": "extreme"}}""", "options.effort" },
        { """{"prompt": "a cat", "options": {"effort": "2"}}""", "options.effort" },
        { """{"prompt": "a cat", "options": {"effort": "medium,high"}}""", "options.effort" },
        { """{"prompt": "a cat", "options": {"effort": "low, high"}}""", "options.effort" },
        { """{"prompt": "a cat", "options": {"effort": " high"}}""", "options.effort" },
        { """{"prompt": "a cat", "options": {"candidateTemperature": 2.5}}""", "options.candidateTemperature" },
        { """{"prompt": "a cat", "options": {"fallback": "maybe"}}""", "options.fallback" },
        { """{"prompt": "a cat", "image": {}}""", "image" },
        { """{"prompt": "a cat", "image": {"base64": "bm90IGFuIGltYWdl"}}""", "image.base64" },
        { """{"prompt": "a cat", "image": {"base64": "###"}}""", "image.base64" },
        { """{"prompt": "a cat", "image": {"url": "data:image/png,rawbytes"}}""", "image.url" },
        { """{"prompt": "a cat", "image": {"url": "file:///etc/passwd"}}""", "image.url" },
        { """{"prompt": "a cat", "image": {"url": "http://169.254.169.254/latest/meta-data"}}""", "image.url" },
        { """{"prompt": "a cat", "idempotencyKey": ""}""", "idempotencyKey" },
        { """[1, 2]""", "body" },
        { """{"prompt": "a cat" """, "body" },
        { "null", "body" },
    };

    /// <summary>Observed accepted before one image intake: a PNG's first 60 bytes, a GIF, a BMP, text declared in a data: URL, a 16000000x1 strip.</summary>
    public static TheoryData<string, string, string> BrokenImages()
    {
        var png = TestImages.Png(64, 64);
        var strip = TestImages.Png(1, 1);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(strip.AsSpan(16), 16_000_000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(strip.AsSpan(29), PngCrc(strip.AsSpan(12, 17)));
        const string gif = "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==";
        const string bmp = "Qk06AAAAAAAAADYAAAAoAAAAAQAAAAEAAAABABgAAAAAAAQAAAATCwAAEwsAAAAAAAAAAAAA/wAAAA==";
        return new()
        {
            { $$$"""{"prompt": "a cat", "image": {"base64": "{{{Convert.ToBase64String(png[..60])}}}"}}""", "image.base64", "truncated or corrupt" },
            { $$$"""{"prompt": "a cat", "image": {"base64": "{{{gif}}}"}}""", "image.base64", "GIF" },
            { $$$"""{"prompt": "a cat", "image": {"base64": "{{{bmp}}}"}}""", "image.base64", "BMP" },
            { $$$"""{"prompt": "a cat", "image": {"url": "data:text/plain;base64,{{{Convert.ToBase64String(png)}}}"}}""", "image.url", "declared as text/plain" },
            { $$$"""{"prompt": "a cat", "image": {"base64": "{{{Convert.ToBase64String(strip)}}}"}}""", "image.base64", "each side must be" },
        };
    }

    [Theory]
    [MemberData(nameof(BrokenImages))]
    public async Task A_broken_or_undocumented_image_is_a_400_saying_why(string body, string field, string reason)
    {
        using var response = await server.Open.PostJsonAsync("/api/sessions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.JsonAsync())["errors"]![field]![0]!.GetValue<string>();
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_png_data_url_declared_as_jpeg_is_refused_and_one_declared_right_is_accepted()
    {
        var png = Convert.ToBase64String(TestImages.Png(64, 64));

        using var wrong = await server.Open.PostJsonAsync("/api/sessions", $$$"""{"prompt": "a cat", "image": {"url": "data:image/jpeg;base64,{{{png}}}"}}""");
        using var right = await server.Open.PostJsonAsync("/api/sessions", $$$"""{"prompt": "a cat", "options": {"maxImages": 1}, "image": {"url": "data:image/png;base64,{{{png}}}"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, right.StatusCode);
    }

    private static uint PngCrc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_body_is_a_400_naming_the_field(string body, string field)
    {
        using var response = await server.Open.PostJsonAsync("/api/sessions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected an error for {field}, got {errors.ToJsonString()}");
        Assert.False(string.IsNullOrWhiteSpace(errors[field]![0]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_image_over_the_size_limit_is_refused_before_decoding()
    {
        // The restricted server allows 64 KiB.
        var big = Convert.ToBase64String(new byte[100 * 1024]);
        using var response = await server.Restricted.PostJsonAsync("/api/sessions", $$$"""{"prompt": "a cat", "image": {"base64": "{{{big}}}"}}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var message = (await response.JsonAsync())["errors"]!["image.base64"]![0]!.GetValue<string>();
        Assert.Contains("65536", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tool_the_server_has_no_backend_for_is_refused()
    {
        using var response = await server.Restricted.PostJsonAsync(
            "/api/sessions", """{"prompt": "a cat", "options": {"tools": ["image_generation_tool", "image_editing_tool"]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("image_editing_tool", (await response.JsonAsync())["errors"]!["options.tools"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_far_over_the_image_limit_is_cut_off_by_the_server_with_413()
    {
        var huge = Convert.ToBase64String(new byte[400 * 1024]);
        using var response = await server.Restricted.PostJsonAsync("/api/sessions", $$$"""{"prompt": "a cat", "image": {"base64": "{{{huge}}}"}}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["errors"]!["body"]);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400()
    {
        using var response = await server.Open.PostAsync("/api/sessions", new StringContent("prompt=a cat"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["errors"]!["body"]);
    }

    [Fact]
    public async Task A_rejected_request_with_an_idempotency_key_starts_no_session()
    {
        using var response = await server.Open.PostJsonAsync("/api/sessions", """{"prompt": "", "idempotencyKey": "rejected-once"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var status = await server.Open.GetAsync($"/api/sessions/{GenAgent.Api.Sessions.SessionIds.FromIdempotencyKey("rejected-once")}");
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public async Task Problem_bodies_are_json_objects_with_a_status()
    {
        using var response = await server.Open.PostJsonAsync("/api/sessions", "{}");

        var problem = await response.JsonAsync();
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.IsType<JsonObject>(problem["errors"]);
    }
}
