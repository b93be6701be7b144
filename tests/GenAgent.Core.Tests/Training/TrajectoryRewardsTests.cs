using GenAgent.Core.Images;
using GenAgent.Core.Judging;
using GenAgent.Core.Sessions;
using GenAgent.Core.Training.Rewards;

namespace GenAgent.Core.Tests.Training;

/// <summary>
/// The reward formula on hand-made trajectories whose verdicts are known: each test image is one byte, the number of
/// the judge's four checks it passes (4 = a pass), so what the judge sees is all that decides.
/// </summary>
public sealed class TrajectoryRewardsTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public async Task Stopping_on_a_passing_image_earns_every_part()
    {
        var reward = await ScoreAsync(Turns(Image(4), Done()));

        Assert.Equal((1.0, 1.0, false), (reward.Pointwise, reward.Pairwise, reward.FormatViolation));
        Assert.Equal(0.7 + 0.3, reward.Total, Tolerance);
        Assert.Equal([new RewardDecision(1, "stop", true, "the image passes")], reward.Decisions);
    }

    [Fact]
    public async Task Stopping_on_a_failing_image_is_a_wrong_decision()
    {
        var reward = await ScoreAsync(Turns(Image(2), Done()));

        Assert.Equal((0.0, 0.0), (reward.Pointwise, reward.Pairwise));
        Assert.Equal(0, reward.Total, Tolerance);
        Assert.False(Assert.Single(reward.Decisions).Correct);
    }

    [Fact]
    public async Task A_refinement_that_improves_and_a_stop_on_a_pass_are_both_right()
    {
        var reward = await ScoreAsync(Turns(Image(2), Image(4), Done()));

        Assert.Equal([true, true], reward.Decisions.Select(d => d.Correct));
        Assert.Equal(["refine", "stop"], reward.Decisions.Select(d => d.Decision));
        Assert.Equal(1.0, reward.Total, Tolerance);
    }

    [Fact]
    public async Task A_refinement_that_makes_the_image_worse_is_wrong_and_the_final_image_scores_what_it_shows()
    {
        var reward = await ScoreAsync(Turns(Image(3), Image(1), Done()));

        Assert.Equal([false, false], reward.Decisions.Select(d => d.Correct));
        Assert.Equal(0, reward.Pointwise, Tolerance);
        Assert.Equal(0, reward.Total, Tolerance);
    }

    [Fact]
    public async Task A_refinement_that_ties_is_no_improvement()
    {
        var reward = await ScoreAsync(Turns(Image(2), Image(2), Image(4), Done()));

        Assert.Equal([false, true, true], reward.Decisions.Select(d => d.Correct));
        Assert.Equal(2.0 / 3, reward.Pairwise, Tolerance);
        Assert.Equal((0.7 * 1) + (0.3 * 2 / 3), reward.Total, Tolerance);
    }

    [Fact]
    public async Task A_protocol_violation_costs_the_format_penalty_once()
    {
        var reward = await ScoreAsync(Turns(Violation(), Image(4), Violation(), Done()));

        Assert.True(reward.FormatViolation);
        Assert.Equal(0.7 + 0.3 - 0.2, reward.Total, Tolerance);
        // The violations are not decisions: the one decision is the stop on image 1.
        Assert.Equal(1, Assert.Single(reward.Decisions).Round);
    }

    [Fact]
    public async Task An_episode_the_budget_ended_counts_no_decision_after_its_last_image()
    {
        var reward = await ScoreAsync(Turns(Image(1), Image(3)), outcome: OutcomeKind.ImageBudgetReached);

        var decision = Assert.Single(reward.Decisions);
        Assert.Equal(("refine", true), (decision.Decision, decision.Correct));
        Assert.Equal(0, reward.Pointwise, Tolerance);
        Assert.Equal(0.3, reward.Total, Tolerance);
    }

    [Fact]
    public async Task Without_any_image_only_the_format_part_can_count()
    {
        var reward = await ScoreAsync(Turns(Violation(), Violation()), outcome: OutcomeKind.Failed);

        Assert.Empty(reward.Decisions);
        Assert.Equal(-0.2, reward.Total, Tolerance);
    }

    [Fact]
    public async Task Weights_are_the_callers()
    {
        var weights = new RewardWeights { Pointwise = 1, Pairwise = 0, Format = -1 };

        var reward = await ScoreAsync(Turns(Violation(), Image(4), Done()), weights: weights);

        Assert.Equal(0, reward.Total, Tolerance);
        Assert.Same(weights, reward.Weights);
    }

    [Fact]
    public async Task Follow_up_episodes_do_not_count()
    {
        var turns = Turns(Image(4), Done()).Concat([Turn(TurnKind.Generate, 9, image: 0, episode: 2), Turn(TurnKind.Done, 10, episode: 2)]).ToList();

        var reward = await ScoreAsync(turns, finalScore: 4);

        Assert.Single(reward.Decisions);
        Assert.Equal(1.0, reward.Total, Tolerance);
    }

    [Fact]
    public async Task A_missing_image_is_an_error_naming_it()
    {
        var trajectory = Trajectory(Turns(Image(2), Image(4), Done()));

        var missing = await Assert.ThrowsAsync<GenAgent.Core.Training.MissingTrajectoryImageException>(() =>
            new TrajectoryRewards(new CountingJudge()).ScoreAsync(trajectory, (image, _) => Task.FromResult(image.Key.StartsWith("turn-0-", StringComparison.Ordinal) ? null : CountingJudge.Bytes(image))));

        Assert.Contains("turn-0", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graded_value_is_the_score_else_the_share_of_checks_passed()
    {
        Assert.Equal(0.25, GradedPairwiseJudge.Graded(new ImageVerdict(false, [CountingJudge.Check(true), CountingJudge.Check(false), CountingJudge.Check(false), CountingJudge.Check(false)], "t")));
        Assert.Equal(0.9, GradedPairwiseJudge.Graded(new ImageVerdict(true, [CountingJudge.Check(false)], "t") { Score = 0.9 }));
        Assert.Equal(1.0, GradedPairwiseJudge.Graded(new ImageVerdict(true, [], "t")));
    }

    private static Task<RewardBreakdown> ScoreAsync(
        IReadOnlyList<TurnRecord> turns, OutcomeKind outcome = OutcomeKind.Done, RewardWeights? weights = null, int? finalScore = null)
    {
        var trajectory = Trajectory(turns, outcome, finalScore);
        return new TrajectoryRewards(new CountingJudge(), weights: weights).ScoreAsync(trajectory, (image, _) => Task.FromResult<byte[]?>(CountingJudge.Bytes(image)));
    }

    private static Trajectory Trajectory(IReadOnlyList<TurnRecord> turns, OutcomeKind outcome = OutcomeKind.Done, int? finalScore = null) => new()
    {
        SessionId = "s1",
        Prompt = "four things",
        Options = new SessionOptions(),
        Turns = turns,
        Outcome = new Outcome(outcome),
        FinalImage = finalScore is { } score ? new ImageRef($"final-{score}", 8, 8) : turns.Where(t => t.Episode == 1).LastOrDefault(t => t.Image is not null)?.Image,
    };

    /// <summary>The turns in order, numbered.</summary>
    private static List<TurnRecord> Turns(params Func<int, TurnRecord>[] turns) => [.. turns.Select((make, index) => make(index))];

    private static Func<int, TurnRecord> Image(int checksPassed) => index => Turn(TurnKind.Generate, index, checksPassed);

    private static Func<int, TurnRecord> Done() => index => Turn(TurnKind.Done, index);

    private static Func<int, TurnRecord> Violation() => index => Turn(TurnKind.ProtocolError, index);

    private static TurnRecord Turn(TurnKind kind, int index, int? image = null, int episode = 1) => new()
    {
        Index = index,
        Kind = kind,
        Episode = episode,
        Image = image is { } passed ? new ImageRef($"turn-{index}-{passed}", 8, 8) : null,
    };
}
