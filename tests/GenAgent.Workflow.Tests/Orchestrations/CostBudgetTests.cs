using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Tests.Fakes;

namespace GenAgent.Workflow.Tests.Orchestrations;

/// <summary>The per-session cost budgets: tool seconds and model tokens end the session early with its last image.</summary>
public sealed class CostBudgetTests
{
    private static readonly SessionOptions Small = new() { Width = 64, Height = 64 };

    private static Trajectory Completed(SessionSnapshot snapshot)
    {
        Assert.Equal(SessionRuntimeStatus.Completed, snapshot.Status);
        return Assert.IsType<Trajectory>(snapshot.Trajectory);
    }

    [Fact]
    public async Task Tool_seconds_budget_stops_after_the_slow_tool_spent_it_and_keeps_its_image()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("one"), Replies.Generate("two"), Replies.Done());
        h.Tool.Delay = TimeSpan.FromMilliseconds(300);
        var trajectory = Completed(await h.RunAsync(Small with { MaxToolSeconds = 0.2 }));

        Assert.Equal(OutcomeKind.CostBudgetReached, trajectory.Outcome!.Kind);
        Assert.Contains("tool budget", trajectory.Outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(1, h.Tool.Generations);
        Assert.True(trajectory.Turns[0].ToolSeconds >= 0.2);
        Assert.Equal(trajectory.Turns[0].Image, trajectory.FinalImage);
        Assert.NotNull(await h.Store.TryGetAsync(SessionKeys.FinalImage(trajectory.SessionId)));
    }

    [Fact]
    public async Task Token_budget_stops_before_the_tool_call_of_the_turn_that_spent_it()
    {
        // The scripted model reports 120 tokens a turn: the second turn brings the total to 240, over 200.
        await using var h = await SessionHarness.StartAsync(Replies.Generate("one"), Replies.Generate("two"), Replies.Done());
        var trajectory = Completed(await h.RunAsync(Small with { MaxTokens = 200 }));

        Assert.Equal(OutcomeKind.CostBudgetReached, trajectory.Outcome!.Kind);
        Assert.Contains("token budget of 200", trajectory.Outcome.Reason, StringComparison.Ordinal);
        Assert.Equal([TurnKind.Generate, TurnKind.BudgetStop], trajectory.Turns.Select(t => t.Kind));
        Assert.Equal(1, h.Tool.Generations);
        Assert.Equal(new TokenUsage(200, 40), trajectory.Usage);
        Assert.Equal(trajectory.Turns[0].Image, trajectory.FinalImage);
    }

    [Fact]
    public async Task Budgets_that_are_not_reached_change_nothing()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("one"), Replies.Done());
        var trajectory = Completed(await h.RunAsync(Small with { MaxTokens = 10_000, MaxToolSeconds = 600 }));

        Assert.Equal(OutcomeKind.Done, trajectory.Outcome!.Kind);
        Assert.Equal(1, h.Tool.Generations);
    }

    [Theory]
    [InlineData(0.0, null, "maxToolSeconds")]
    [InlineData(double.NaN, null, "maxToolSeconds")]
    [InlineData(null, 0L, "maxTokens")]
    public void Invalid_budgets_are_named_by_validation(double? seconds, long? tokens, string field)
    {
        var problems = (Small with { MaxToolSeconds = seconds, MaxTokens = tokens }).Validate();

        Assert.Contains(problems, p => p.StartsWith(field, StringComparison.Ordinal));
    }
}
