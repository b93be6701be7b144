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
}
