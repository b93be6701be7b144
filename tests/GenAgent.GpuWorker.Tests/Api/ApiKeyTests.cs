using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GenAgent.GpuWorker.Tests.Api;

public sealed class ApiKeyTests
{
    [Fact]
    public async Task With_a_key_configured_only_requests_bearing_it_get_through_and_health_stays_open()
    {
        await using var worker = await TestWorker.StartAsync(("Worker:ApiKey", "s3cret"));

        using var missing = await worker.Http.GetAsync(new Uri("v1/models", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        using (var body = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()))
        {
            Assert.Equal("invalid_api_key", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        }

        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri("v1/models", UriKind.Relative));
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cre");
        using var wrongResponse = await worker.Http.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);

        using var right = new HttpRequestMessage(HttpMethod.Get, new Uri("v1/models", UriKind.Relative));
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        using var rightResponse = await worker.Http.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, rightResponse.StatusCode);

        using var health = await worker.Http.GetAsync(new Uri("health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
