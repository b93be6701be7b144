using GenAgent.Core.Sessions;

namespace GenAgent.Core.Tests.Sessions;

public sealed class SessionOptionsTests
{
    [Fact]
    public void By_default_a_session_does_not_wait_for_follow_ups()
    {
        var options = new SessionOptions();
        Assert.Equal(0, options.FollowUpWindowSeconds);
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(SessionOptions.MaxFollowUpWindowSeconds + 1)]
    public void A_follow_up_window_out_of_range_is_named_in_the_problems(int seconds)
    {
        var problem = Assert.Single(new SessionOptions { FollowUpWindowSeconds = seconds }.Validate());
        Assert.StartsWith("followUpWindowSeconds", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_long_window_is_valid()
    {
        Assert.Empty(new SessionOptions { FollowUpWindowSeconds = 86400 }.Validate());
    }
}
