using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GenAgent.Api;
using GenAgent.Core.Configuration;

namespace GenAgent.Discord.Sessions.Tests.Flow;

/// <summary><c>genagent serve</c> with Discord, as ServeCommand builds it, on the offline profile without its editor.</summary>
public sealed class NoEditorDiscordServer : DiscordServer
{
    protected override ApiOptions Api(GenAgentOptions options)
    {
        options.Editor.Backend = "";
        return new ApiOptions().UseBackends(options);
    }
}

/// <summary>
/// The shared table of bad starts (<see cref="FrontDoorCases"/>) against the API and Discord of one server without an
/// editor: both refuse with the message the triggers and the CLI give, and the bot never offers the editing tool.
/// </summary>
public sealed class FrontDoorRulesTests(NoEditorDiscordServer server) : IClassFixture<NoEditorDiscordServer>
{
    public static TheoryData<string> Cases => FrontDoorCases.Names();

    public static TheoryData<string> DiscordCases => FrontDoorCases.Names(c => c.DiscordCanAsk);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_api_refuses_with_the_shared_message(string name)
    {
        var bad = FrontDoorCases.Named(name);

        using var response = await server.Http.PostAsync(
            new Uri("/api/sessions", UriKind.Relative), new StringContent(bad.RequestJson(), Encoding.UTF8, "application/json"));

        Assert.Equal(400, (int)response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(bad.Message, FrontDoorCases.AllText(problem.GetProperty("errors")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DiscordCases))]
    public async Task Imagine_refuses_with_the_shared_message_and_starts_nothing(string name)
    {
        var bad = FrontDoorCases.Named(name);
        var user = $"17{FrontDoorCases.All.ToList().IndexOf(bad):D17}";

        var (status, answer) = await server.SendAsync(Interactions.Imagine(user, bad.Prompt, effort: bad.Effort));

        Assert.Equal(200, status);
        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        Assert.Contains(bad.Message, answer.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Empty((await server.Settings().GetSessionsAsync(user)).Entries);
    }

    [Fact]
    public async Task The_bot_without_an_editor_never_offers_the_editing_tool()
    {
        const string user = "1600000000000000099";

        var (status, answer) = await server.SendAsync(Interactions.Imagine(user, "a red kite", effort: "low"));

        Assert.Equal(200, status);
        Assert.Equal(5, answer.GetProperty("type").GetInt32());
        var sessionId = await server.NewestSessionAsync(user);
        await server.Engine.WaitForEpisodeEndAsync(sessionId, 1);
        // The trajectory (partial while the session waits for a follow-up) holds the options the session started with.
        var trajectory = await server.Http.GetFromJsonAsync<JsonElement>(new Uri($"/api/sessions/{sessionId}/trajectory", UriKind.Relative));
        Assert.Equal([FrontDoorCases.Generate], trajectory.GetProperty("options").GetProperty("tools").EnumerateArray().Select(t => t.GetString()));
    }
}
