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

    /// <summary>
    /// Polls the status endpoint until the session has ended. The poll count is no speed assertion: it only turns a
    /// stuck session into a failure that shows its last state instead of a hung test run.
    /// </summary>
    public static async Task<JsonObject> WaitEndedAsync(this HttpClient client, string id)
    {
        string[] ended = ["completed", "failed", "terminated"];
        JsonObject? last = null;
        for (var poll = 0; poll < 600; poll++)
        {
            using var response = await client.GetAsync($"/api/sessions/{id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = await response.JsonAsync();
            if (ended.Contains(last["status"]!.GetValue<string>())) return last;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"Session {id} did not end; last status: {last?.ToJsonString()}");
    }

    public static string Quote(string text) => JsonSerializer.Serialize(text);
}
