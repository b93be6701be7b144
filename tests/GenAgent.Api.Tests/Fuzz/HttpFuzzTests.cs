using System.Net.Http.Headers;

namespace GenAgent.Api.Tests.Fuzz;

/// <summary>
/// 2,000 seeded malformed requests against the session API (bodies, content types, headers, ids, image names,
/// signatures): every answer is below 500 and the server still serves a valid request afterwards.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HttpFuzzTests(ApiServer server)
{
    private const int Requests = 2000;

    private static readonly string[] Bodies =
    [
        """{"prompt": "a photo of a red bus", "options": {"maxImages": 1, "effort": "low", "width": 256, "height": 256, "seed": 7}}""",
        """{"prompt": "a cat", "options": {"tools": ["image_generation_tool"], "candidates": 2, "followUpWindowSeconds": 0}, "idempotencyKey": "k1"}""",
        """{"prompt": "edit", "image": {"base64": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="}}""",
        """{"prompt": "edit", "image": {"url": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="}}""",
        """{"message": "make it blue"}""",
    ];

    private static readonly string[] ContentTypes = ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""];

    [Fact]
    public async Task No_malformed_request_gets_a_5xx()
    {
        var mutator = new BodyMutator(20261204);
        var failures = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            using var request = Next(mutator, i);
            var described = $"#{i} {request.Method} {request.RequestUri}";
            // A quarter goes to the server that checks keys and link signatures.
            using var response = await (i % 4 == 0 ? server.Keyed : server.Capped).SendAsync(request);
            if ((int)response.StatusCode >= 500) failures.Add($"{described} -> {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Empty(failures);
        using var healthy = await server.Open.GetAsync("/api/sessions/abc123");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, healthy.StatusCode);
    }

    private static HttpRequestMessage Next(BodyMutator mutator, int i)
    {
        var random = mutator.Random;
        var kind = random.Next(10);
        HttpRequestMessage request;
        if (kind < 7)
        {
            var body = mutator.Pick(Bodies);
            var path = body.Contains("\"message\"", StringComparison.Ordinal) ? $"/api/sessions/{Id(random)}/messages" : "/api/sessions";
            request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(mutator.Mutate(body)) };
            var type = mutator.Pick(ContentTypes);
            if (type.Length > 0) request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }
        else
        {
            string[] gets = [$"/api/sessions/{Id(random)}", $"/api/sessions/{Id(random)}/trajectory", $"/api/sessions/{Id(random)}/images/{Id(random)}.png", $"/sessions/{Id(random)}?sig={Uri.EscapeDataString(mutator.HostileHeader())}", $"/api/sessions/{Id(random)}/cancel"];
            var path = gets[random.Next(gets.Length)];
            request = new HttpRequestMessage(path.EndsWith("/cancel", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, path);
        }

        request.Headers.TryAddWithoutValidation("X-GenAgent-User", i % 3 == 0 ? mutator.HostileHeader() : "fuzzer");
        if (random.Next(4) == 0) request.Headers.TryAddWithoutValidation("Idempotency-Key", mutator.HostileHeader());
        if (random.Next(6) == 0) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "x");
        return request;
    }

    private static string Id(Random random) => random.Next(6) switch
    {
        0 => "abc123",
        1 => new string('a', 300),
        2 => "..%2F..%2Fetc",
        3 => "%00",
        4 => Uri.EscapeDataString("☃☃"),
        _ => Guid.NewGuid().ToString("N"),
    };
}
