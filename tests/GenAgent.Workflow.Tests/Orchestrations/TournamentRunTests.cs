using GenAgent.Core.Sessions;
using GenAgent.Workflow.Orchestrations;

namespace GenAgent.Workflow.Tests.Orchestrations;

public sealed class TournamentRunTests
{
    [Theory]
    [InlineData(0, 2, 1, 1, 1)]
    [InlineData(0, 1, 1, 2, 0)]
    [InlineData(0, 2, 1, 2, 0)]
    [InlineData(3, 1, 2, 1, 2)]
    public void Without_a_verdict_fewer_images_win_then_the_lower_index(int indexA, int imagesA, int indexB, int imagesB, int expected)
    {
        var a = Candidate(indexA, imagesA);
        var b = Candidate(indexB, imagesB);

        Assert.Equal(expected, TournamentRun.FallbackWinner(a, b));
        Assert.Equal(expected, TournamentRun.FallbackWinner(b, a));
    }

    [Fact]
    public void Candidate_ids_are_the_parent_id_and_the_index()
    {
        Assert.Equal("s1~c0", TournamentRun.CandidateId("s1", 0));
        Assert.Equal("s1~c7", TournamentRun.CandidateId("s1", 7));
    }

    [Fact]
    public void Candidate_seed_ranges_never_overlap_within_the_turn_budget()
    {
        var policy = new SeedPolicy(SeedMode.PerTurn, 5);
        var seeds = Enumerable.Range(0, SessionOptions.MaxCandidates)
            .SelectMany(c => Enumerable.Range(0, 64).Select(turn => policy.ForCandidate(c).SeedFor(turn)))
            .ToList();

        Assert.Equal(seeds.Count, seeds.Distinct().Count());
        Assert.Equal(policy, policy.ForCandidate(0));
    }

    private static CandidateRecord Candidate(int index, int images) =>
        new() { Index = index, SessionId = $"s~c{index}", Outcome = new Outcome(OutcomeKind.Done), ImagesUsed = images };
}
