using System.Net;
using System.Net.Http.Headers;

namespace GenAgent.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class ApiKeyEndpointFilterTests(ApiServer server)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-key-123")]
    public async Task A_missing_or_wrong_key_is_a_401_problem(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/sessions/abc123");
        if (key is not null) request.Headers.Add("x-api-key", key);

        using var response = await server.Keyed.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("x-api-key", (await response.JsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_route_asks_for_the_key()
    {
        using var post = await server.Keyed.PostJsonAsync("/api/sessions", """{"prompt": "a cat"}""");
        using var report = await server.Keyed.GetAsync("/sessions/abc123");
        using var image = await server.Keyed.GetAsync("/api/sessions/abc123/images/final.png");

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, report.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, image.StatusCode);
    }

    [Fact]
    public async Task The_right_key_passes_as_a_header_or_a_bearer_token()
    {
        using var header = new HttpRequestMessage(HttpMethod.Get, "/api/sessions/abc123");
        header.Headers.Add("x-api-key", ApiServer.ApiKey);
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/sessions/abc123");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiServer.ApiKey);

        using var viaHeader = await server.Keyed.SendAsync(header);
        using var viaBearer = await server.Keyed.SendAsync(bearer);

        // Past the key check, an unknown id is the ordinary 404.
        Assert.Equal(HttpStatusCode.NotFound, viaHeader.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaBearer.StatusCode);
    }

    [Fact]
    public async Task Report_and_image_links_are_signed_for_browsers_and_open_nothing_else()
    {
        using var withKey = new HttpClient { BaseAddress = server.Keyed.BaseAddress };
        withKey.DefaultRequestHeaders.Add("x-api-key", ApiServer.ApiKey);
        var id = await withKey.StartAsync("""{"prompt": "a photo of a blue cup", "options": {"maxImages": 1}}""");
        var status = await withKey.WaitEndedAsync(id);
        var reportUrl = status["reportUrl"]!.GetValue<string>();
        var imageUrl = status["rounds"]![0]!["imageUrl"]!.GetValue<string>();
        Assert.Contains("?sig=", reportUrl, StringComparison.Ordinal);

        // A browser sends no header: the signed links open, and the page links its images signed too.
        var page = await server.Keyed.GetStringAsync(reportUrl);
        Assert.Contains(imageUrl.Replace("&", "&amp;", StringComparison.Ordinal), page, StringComparison.Ordinal);
        Assert.True(TestImages.IsPng(await server.Keyed.GetByteArrayAsync(imageUrl)));

        // A signature is bound to its path: the report's does not open the status, the trajectory or another image.
        var signature = new Uri(reportUrl).Query;
        string[] elsewhere = [$"/api/sessions/{id}{signature}", $"/api/sessions/{id}/trajectory{signature}", $"/api/sessions/{id}/images/final.png{signature}"];
        foreach (var path in elsewhere)
        {
            using var response = await server.Keyed.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        using var forged = await server.Keyed.GetAsync($"/sessions/{id}?sig=AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("a.b")]
    [InlineData("=")]
    [InlineData("%2F%2F%2F%2F")]
    [InlineData("%3D%3D%3D")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D")]
    public async Task A_malformed_signature_is_a_401_on_every_signed_route_not_a_500(string signature)
    {
        string[] paths = ["/sessions/abc123", "/api/sessions/x", "/api/sessions/abc123/images/final.png"];
        foreach (var path in paths)
        {
            using var response = await server.Keyed.GetAsync($"{path}?sig={signature}");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
