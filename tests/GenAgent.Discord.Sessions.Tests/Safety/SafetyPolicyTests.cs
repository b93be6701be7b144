using GenAgent.Discord.Sessions.Hosting;
using GenAgent.Discord.Sessions.Safety;
using GenAgent.Discord.Sessions.Settings;

namespace GenAgent.Discord.Sessions.Tests.Safety;

public sealed class SafetyPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly SafetyPolicy _policy = new(new DiscordSessionsOptions { DefaultMaxConcurrentPerUser = 2 });

    private static SafetyCheck Check(string prompt = "a red bus", GuildSettings? guild = null, string channel = "10", bool nsfw = false) =>
        new() { Prompt = prompt, Guild = guild ?? new GuildSettings(), ChannelId = channel, ChannelNsfw = nsfw, Now = Now };

    [Fact]
    public void An_ordinary_prompt_in_an_open_guild_may_start() => Assert.Null(_policy.Check(Check()));

    [Fact]
    public void A_channel_outside_the_allowed_list_is_refused_and_named()
    {
        var refusal = _policy.Check(Check(guild: new GuildSettings { AllowedChannels = ["11"] }));

        Assert.Contains("not enabled in this channel", refusal, StringComparison.Ordinal);
        Assert.Contains("<#11>", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Admins_may_start_anywhere() =>
        Assert.Null(_policy.Check(Check(guild: new GuildSettings { AllowedChannels = ["11"] }) with { IsAdmin = true }));

    [Theory]
    [InlineData("a Castle at dusk")]
    [InlineData("castle, at dusk")]
    public void A_blocklisted_word_is_refused_as_a_whole_word(string prompt)
    {
        var refusal = _policy.Check(Check(prompt, new GuildSettings { Blocklist = ["castle"] }));

        Assert.Contains("\"castle\"", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocklisted_word_inside_another_word_is_allowed() =>
        Assert.Null(_policy.Check(Check("sandcastles on a beach", new GuildSettings { Blocklist = ["castle"] })));

    [Fact]
    public void Nsfw_prompts_run_only_in_age_restricted_channels()
    {
        Assert.Contains("age-restricted", _policy.Check(Check("a nude statue")), StringComparison.Ordinal);
        Assert.Null(_policy.Check(Check("a nude statue", nsfw: true)));
    }

    [Fact]
    public void A_guild_can_refuse_nsfw_everywhere() =>
        Assert.Contains("does not allow", _policy.Check(Check("a nude statue", new GuildSettings { Nsfw = NsfwPolicy.Never }, nsfw: true)), StringComparison.Ordinal);

    [Fact]
    public void Nsfw_prompts_never_run_in_dms() =>
        Assert.Contains("DMs", _policy.Check(Check("a nude statue") with { Guild = null }), StringComparison.Ordinal);

    [Fact]
    public void The_concurrency_cap_counts_running_sessions()
    {
        Assert.Null(_policy.Check(Check() with { RunningSessions = 1 }));
        Assert.Contains("limit is 2", _policy.Check(Check() with { RunningSessions = 2 }), StringComparison.Ordinal);
        Assert.Contains("limit is 1", _policy.Check(Check(guild: new GuildSettings { MaxConcurrentPerUser = 1 }) with { RunningSessions = 1 }), StringComparison.Ordinal);
    }

    [Fact]
    public void The_cooldown_says_how_long_to_wait()
    {
        var guild = new GuildSettings { CooldownSeconds = 30 };

        Assert.Contains("try again in 20 s", _policy.Check(Check(guild: guild) with { LastStart = Now.AddSeconds(-10) }), StringComparison.Ordinal);
        Assert.Null(_policy.Check(Check(guild: guild) with { LastStart = Now.AddSeconds(-31) }));
    }

    [Fact]
    public void The_daily_quota_refuses_once_used()
    {
        var guild = new GuildSettings { DailyQuota = 5 };

        Assert.Null(_policy.Check(Check(guild: guild) with { GuildSessionsToday = 4 }));
        Assert.Contains("5 sessions for today", _policy.Check(Check(guild: guild) with { GuildSessionsToday = 5 }), StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_nsfw_terms_extend_the_built_in_list()
    {
        var options = new DiscordSessionsOptions();
        options.NsfwTerms.Add("spicy");

        Assert.NotNull(new SafetyPolicy(options).Check(Check("a spicy picture")));
        Assert.Null(_policy.Check(Check("a spicy picture")));
    }
}
