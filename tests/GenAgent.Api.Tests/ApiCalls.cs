using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenAgent.Api.Tests;

/// <summary>Raw JSON calls: the tests check the wire as a client sees it, not through the server's own records.</summary>
internal static class ApiCalls
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException($"Not a JSON object: {text}");
    }

    /// <summary>Starts a session and returns its id, asserting the 202 contract.</summary>
    public static async Task<string> StartAsync(this HttpClient client, string json)
    {
        using var response = await client.PostJsonAsync("/api/sessions", json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");
        var created = JsonNode.Parse(body)!.AsObject();
        var id = created["id"]!.GetValue<string>();
        Assert.Equal(new Uri(client.BaseAddress!, $"/api/sessions/{id}"), response.Headers.Location);
        Assert.Equal(response.Headers.Location!.AbsoluteUri, created["statusUrl"]!.GetValue<string>());
        return id;
    }

    /// <summary>Polls the status endpoint until the session has ended (the engine's own end state, no time bound asserted).</summary>
    public static async Task<JsonObject> WaitEndedAsync(this HttpClient client, string id)
    {
        string[] ended = ["completed", "failed", "terminated"];
        while (true)
        {
            using var response = await client.GetAsync($"/api/sessions/{id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = await response.JsonAsync();
            if (ended.Contains(status["status"]!.GetValue<string>())) return status;
            await Task.Delay(100);
        }
    }

    public static string Quote(string text) => JsonSerializer.Serialize(text);
}
