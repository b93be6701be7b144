using GenAgent.Core.Sketch;

namespace GenAgent.Core.Tests.Sketch;

public sealed class AgentPerceptionTests
{
    private static readonly JudgeResult Flawed = new(
        [
            new JudgeFailure(JudgeFailureKind.WrongCount, 0, "clock", 6, 5, "expected 6 clocks, found 5"),
            new JudgeFailure(JudgeFailureKind.WrongColor, 1, "bus", 1, 1, "expected every bus to be red, found 1 blue", "blue"),
        ],
        []);

    private static byte[] Image(int i) => BitConverter.GetBytes(i * 7919L);

    [Fact]
    public void Zero_oversight_sees_every_flaw()
    {
        var eye = new AgentPerception(0);
        for (var i = 0; i < 200; i++) Assert.Same(Flawed, eye.Look(Image(i), Flawed));
    }

    [Fact]
    public void Default_oversight_misses_some_flaws_but_not_most_and_is_repeatable()
    {
        var eye = new AgentPerception(AgentPerception.DefaultOversight);
        var missedCount = 0;
        var missedColor = 0;
        for (var i = 0; i < 2000; i++)
        {
            var seen = eye.Look(Image(i), Flawed);
            Assert.Equal(seen.Issues, eye.Look(Image(i), Flawed).Issues);
            if (seen.Issues.All(x => x.Kind != JudgeFailureKind.WrongCount)) missedCount++;
            if (seen.Issues.All(x => x.Kind != JudgeFailureKind.WrongColor)) missedColor++;
        }

        // An off-by-one among six objects is missed far more often than a wrong color.
        Assert.InRange(missedCount / 2000.0, 0.25, 0.45);
        Assert.InRange(missedColor / 2000.0, 0.05, 0.16);
    }

    [Fact]
    public void A_passing_image_stays_passing()
    {
        var clean = new JudgeResult([], []);
        Assert.True(new AgentPerception(1).Look(Image(1), clean).Passed);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Oversight_outside_zero_to_one_is_rejected(double oversight) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SketchAgent(oversight));
}
