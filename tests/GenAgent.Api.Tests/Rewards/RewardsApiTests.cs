using System.Net;

namespace GenAgent.Api.Tests.Rewards;

/// <summary><c>POST /api/rewards</c> over real HTTP: an ended offline session scored by the sketch judge from its stored images.</summary>
[Collection(ApiCollection.Name)]
public sealed class RewardsApiTests(ApiServer server)
{
    [Fact]
    public async Task An_ended_session_is_scored_with_every_decision()
    {
        var id = await server.Judged.StartAsync("""{"prompt": "a photo of three red clocks on the left and a blue bus on the right", "options": {"maxImages": 3}}""");
        await server.Judged.WaitEndedAsync(id);

        using var response = await server.Judged.PostJsonAsync("/api/rewards", $$$"""{"sessionId": "{{{id}}}", "weights": {"pointwise": 1, "pairwise": 0, "format": 0}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reward = await response.JsonAsync();
        Assert.Equal("sketch", reward["judge"]!.GetValue<string>());
        Assert.NotEmpty(reward["decisions"]!.AsArray());
        // With all the weight on the final image, the reward is the judge's verdict on it.
        Assert.Equal(reward["pointwise"]!.GetValue<double>(), reward["total"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("""{}""", HttpStatusCode.BadRequest, "sessionId")]
    [InlineData("""{"sessionId": "x", "weights": {"pointwise": 99}}""", HttpStatusCode.BadRequest, "weights")]
    [InlineData("""{"sessionId": "x", "extra": 1}""", HttpStatusCode.BadRequest, "extra")]
    [InlineData("""{"sessionId": "no-such-session"}""", HttpStatusCode.NotFound, "no-such-session")]
    public async Task Bad_requests_name_what_is_wrong(string body, HttpStatusCode status, string named)
    {
        using var response = await server.Judged.PostJsonAsync("/api/rewards", body);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_without_a_judge_says_so()
    {
        using var response = await server.Open.PostJsonAsync("/api/rewards", """{"sessionId": "x"}""");

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }
}
