using System.Net;
using System.Text;
using GenAgent.Api.Sessions;

namespace GenAgent.Api.Tests.Sessions;

[Collection(ApiCollection.Name)]
public sealed class SessionsApiAdmissionTests(ApiServer server)
{
    // A follow-up window keeps each session running, so it holds its slot until the test cancels it.
    private const string Holding = """{"prompt": "a photo of a red bus", "options": {"maxImages": 1, "width": 128, "height": 128, "followUpWindowSeconds": 120}}""";

    [Fact]
    public async Task The_kill_switch_refuses_new_sessions_with_503_and_starts_nothing()
    {
        using var response = await server.SwitchedOff.PostJsonAsync("/api/sessions", Holding);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("KillSwitch", problem["limit"]!.GetValue<string>());
        Assert.Contains("kill switch", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_over_the_cap_gets_429_other_users_do_not_and_the_slot_returns_when_the_session_ends()
    {
        var alice = await PostAsUserAsync("alice", Holding);
        Assert.Equal(HttpStatusCode.Accepted, alice.StatusCode);
        var aliceId = (await alice.JsonAsync())["id"]!.GetValue<string>();

        using var again = await PostAsUserAsync("alice", Holding);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        var problem = await again.JsonAsync();
        Assert.Equal("PerUser", problem["limit"]!.GetValue<string>());
        Assert.Equal(1, problem["inUse"]!.GetValue<int>());
        Assert.Equal(1, problem["maximum"]!.GetValue<int>());

        using var bob = await PostAsUserAsync("bob", Holding);
        Assert.Equal(HttpStatusCode.Accepted, bob.StatusCode);
        var bobId = (await bob.JsonAsync())["id"]!.GetValue<string>();

        foreach (var id in new[] { aliceId, bobId })
        {
            using var cancel = await server.Capped.PostAsync($"/api/sessions/{id}/cancel", null);
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
            await server.Capped.WaitEndedAsync(id);
        }

        // The sweep frees ended sessions' slots every few seconds; the bound only turns a leak into a failure.
        HttpStatusCode status = default;
        for (var attempt = 0; attempt < 60 && status != HttpStatusCode.Accepted; attempt++)
        {
            if (attempt > 0) await Task.Delay(500);
            using var retry = await PostAsUserAsync("alice", """{"prompt": "a photo of a cat", "options": {"maxImages": 1, "width": 128, "height": 128}}""");
            status = retry.StatusCode;
            if (status == HttpStatusCode.Accepted) await server.Capped.WaitEndedAsync((await retry.JsonAsync())["id"]!.GetValue<string>());
            else Assert.Equal(HttpStatusCode.TooManyRequests, status);
        }
        Assert.Equal(HttpStatusCode.Accepted, status);
        alice.Dispose();
    }

    private Task<HttpResponseMessage> PostAsUserAsync(string user, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(SessionsApi.UserHeader, user);
        return server.Capped.SendAsync(request);
    }
}
