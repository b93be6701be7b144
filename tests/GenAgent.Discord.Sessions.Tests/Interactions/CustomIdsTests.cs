using GenAgent.Discord.Sessions.Components;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Sessions.Tests.Interactions;

public sealed class CustomIdsTests
{
    private const string Session = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData(ButtonAction.AnotherRound)]
    [InlineData(ButtonAction.Refine)]
    [InlineData(ButtonAction.Variations)]
    [InlineData(ButtonAction.Edit)]
    [InlineData(ButtonAction.Stop)]
    [InlineData(ButtonAction.Delete)]
    public void Every_action_round_trips(ButtonAction action)
    {
        var id = CustomIds.Format(action, Session);

        Assert.StartsWith("v1:", id, StringComparison.Ordinal);
        Assert.Equal(CustomIdParse.Ok, CustomIds.TryParse(id, out var parsed, out var session));
        Assert.Equal(action, parsed);
        Assert.Equal(Session, session);
    }

    [Theory]
    [InlineData("v0:again:" + Session)]
    [InlineData("v2:again:" + Session)]
    [InlineData("v1:upscale:" + Session)]
    public void Another_version_or_unknown_action_is_outdated(string id) =>
        Assert.Equal(CustomIdParse.Outdated, CustomIds.TryParse(id, out _, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("reroll")]
    [InlineData("v1:again")]
    [InlineData("v1:again:../../etc")]
    [InlineData("v1:again:a:b")]
    public void Garbage_is_malformed_and_never_throws(string? id) =>
        Assert.Equal(CustomIdParse.Malformed, CustomIds.TryParse(id, out _, out _));

    [Fact]
    public void Session_buttons_fit_discord_limits_and_carry_the_session()
    {
        var rows = SessionButtons.For(Session, "https://genagent.example.test/sessions/" + Session);

        Assert.InRange(rows.Count, 1, DiscordLimits.ActionRowsPerMessage);
        var buttons = rows.SelectMany(r => r.Components!).ToList();
        Assert.All(rows, r => Assert.InRange(r.Components!.Count, 1, DiscordLimits.ButtonsPerRow));
        Assert.All(buttons, b => Assert.InRange(b.Label!.Length, 1, DiscordLimits.ButtonLabelLength));
        var ids = buttons.Where(b => b.CustomId is not null).Select(b => b.CustomId!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(id.Length <= DiscordLimits.CustomIdLength));
        Assert.Equal(
            [ButtonAction.AnotherRound, ButtonAction.Refine, ButtonAction.Variations, ButtonAction.Edit, ButtonAction.Stop, ButtonAction.Delete],
            ids.Select(id => CustomIds.TryParse(id, out var action, out _) == CustomIdParse.Ok ? action : throw new InvalidOperationException(id)));
        var link = Assert.Single(buttons, b => b.Style == (int)ButtonStyle.Link);
        Assert.Equal("Trajectory", link.Label);
        Assert.Null(link.CustomId);
    }

    [Fact]
    public void Without_a_report_url_there_is_no_trajectory_button()
    {
        var buttons = SessionButtons.For(Session, trajectoryUrl: null).SelectMany(r => r.Components!);

        Assert.DoesNotContain(buttons, b => b.Style == (int)ButtonStyle.Link);
    }
}
