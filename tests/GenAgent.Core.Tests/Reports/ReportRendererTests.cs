using GenAgent.Core.Images;
using GenAgent.Core.Reports;
using GenAgent.Core.Sessions;

namespace GenAgent.Core.Tests.Reports;

public class ReportRendererTests
{
    private static string Src(ImageRef image) => "img://" + image.Key;

    private static Trajectory ThreeRounds(Outcome outcome) => new()
    {
        SessionId = "s-1",
        Prompt = "A photo of two red clocks",
        Options = new SessionOptions { MaxImages = 3, Width = 256, Height = 256 },
        Turns =
        [
            new TurnRecord { Index = 0, Kind = TurnKind.Generate, Think = "need two clocks", Tool = "image_generation_tool",
                Argument = "caption one", Seed = 11, Image = new ImageRef("sessions/s-1/turn-00.png", 256, 256) },
            new TurnRecord { Index = 1, Kind = TurnKind.Generate, Judgment = "only one clock", Tool = "image_generation_tool",
                Argument = "caption two", Seed = 22, Image = new ImageRef("sessions/s-1/turn-01.png", 256, 256) },
            new TurnRecord { Index = 2, Kind = TurnKind.Edit, Judgment = "one clock is blue", Tool = "image_editing_tool",
                Argument = "make the blue clock red", Seed = 33, Image = new ImageRef("sessions/s-1/turn-02.png", 256, 256) },
            new TurnRecord { Index = 3, Kind = TurnKind.Done, Judgment = "two red clocks, correct" },
        ],
        Outcome = outcome,
        FinalImage = new ImageRef("sessions/s-1/turn-02.png", 256, 256),
    };

    [Fact]
    public void Every_round_shows_its_caption_image_seed_and_judgment()
    {
        var html = ReportRenderer.Render(ThreeRounds(new Outcome(OutcomeKind.Done)), Src);

        foreach (var text in new[] { "caption one", "caption two", "make the blue clock red", "img://sessions/s-1/turn-00.png",
                     "img://sessions/s-1/turn-01.png", "img://sessions/s-1/turn-02.png", "seed 11", "seed 22", "seed 33",
                     "only one clock", "one clock is blue", "two red clocks, correct", "Round 1", "Round 2", "Round 3" })
            Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.Contains(">regenerate<", html, StringComparison.Ordinal);
        Assert.Contains(">edit<", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_judgment_appears_under_the_image_it_judges()
    {
        var html = ReportRenderer.Render(ThreeRounds(new Outcome(OutcomeKind.Done)), Src);

        var firstImage = html.IndexOf("turn-00.png", StringComparison.Ordinal);
        var firstJudgment = html.IndexOf("only one clock", StringComparison.Ordinal);
        var secondCaption = html.IndexOf("caption two", StringComparison.Ordinal);
        Assert.True(firstImage < firstJudgment && firstJudgment < secondCaption, "the judgment of round 1 belongs between its image and round 2");
        Assert.Single(AllIndexes(html, "only one clock"));
    }

    [Fact]
    public void Hostile_model_text_is_encoded()
    {
        var hostile = "<script>alert('x')</script>";
        var trajectory = ThreeRounds(new Outcome(OutcomeKind.Failed, hostile)) with
        {
            Prompt = hostile,
            Turns =
            [
                new TurnRecord { Index = 0, Kind = TurnKind.Generate, Think = hostile, Argument = hostile,
                    Image = new ImageRef("a.png", 8, 8) },
                new TurnRecord { Index = 1, Kind = TurnKind.ProtocolError, Judgment = hostile, RawText = hostile, Error = hostile },
            ],
        };

        var html = ReportRenderer.Render(trajectory, _ => "\"><script>alert(1)</script>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains(">protocol error<", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OutcomeKind.Done, "done")]
    [InlineData(OutcomeKind.ImageBudgetReached, "image budget reached")]
    [InlineData(OutcomeKind.CostBudgetReached, "cost budget reached")]
    [InlineData(OutcomeKind.Failed, "failed")]
    [InlineData(OutcomeKind.Fallback, "fallback")]
    public void The_outcome_and_its_reason_are_shown(OutcomeKind kind, string label)
    {
        var html = ReportRenderer.Render(ThreeRounds(new Outcome(kind, "the reason text")), Src);

        Assert.Contains(">" + label + "<", html, StringComparison.Ordinal);
        Assert.Contains("the reason text", html, StringComparison.Ordinal);
        Assert.Contains("<figure class=\"final\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Effort_high_shows_every_candidate_side_by_side_and_every_comparison()
    {
        static ImageRef Final(int i) => new($"sessions/s-1/candidates/c{i}/turn-00.png", 256, 256);
        var trajectory = ThreeRounds(new Outcome(OutcomeKind.Done)) with
        {
            FinalImage = Final(1),
            Candidates =
            [
                new CandidateRecord { Index = 0, SessionId = "s-1~c0", SeedBase = 0, Outcome = new Outcome(OutcomeKind.Done), FinalImage = Final(0), ImagesUsed = 1 },
                new CandidateRecord { Index = 1, SessionId = "s-1~c1", SeedBase = 1_000_003, Temperature = 0.7f, Outcome = new Outcome(OutcomeKind.Done), FinalImage = Final(1), ImagesUsed = 2 },
            ],
            Comparisons = [new ComparisonRecord { Round = 1, CandidateA = 0, CandidateB = 1, ImageA = Final(0), ImageB = Final(1), Winner = 1, Reasoning = "B has <two> clocks" }],
        };

        var html = ReportRenderer.Render(trajectory, Src);

        Assert.Contains("img://sessions/s-1/candidates/c0/turn-00.png", html, StringComparison.Ordinal);
        Assert.Contains("<figure class=\"candidate winner\"><img alt=\"candidate 1\"", html, StringComparison.Ordinal);
        Assert.Contains("temperature 0.7 · seed base 1000003", html, StringComparison.Ordinal);
        Assert.Contains("temperature configured", html, StringComparison.Ordinal);
        Assert.Contains("candidate 0 vs 1 → winner 1", html, StringComparison.Ordinal);
        Assert.Contains("B has &lt;two&gt; clocks", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>Candidates</h2>", ReportRenderer.Render(ThreeRounds(new Outcome(OutcomeKind.Done)), Src), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_reasoning_collapses_and_live_pages_refresh()
    {
        var longThink = string.Concat(Enumerable.Repeat("thinking hard. ", 60));
        var trajectory = ThreeRounds(new Outcome(OutcomeKind.Done)) with
        {
            Outcome = null,
            Turns = [new TurnRecord { Index = 0, Kind = TurnKind.Generate, Think = longThink }],
        };

        var live = ReportRenderer.Render(trajectory, Src, live: true);
        var file = ReportRenderer.Render(trajectory, Src);

        Assert.Contains("<details>", live, StringComparison.Ordinal);
        Assert.Contains("http-equiv=\"refresh\"", live, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", file, StringComparison.Ordinal);
        Assert.Contains(">running<", file, StringComparison.Ordinal);
    }

    private static List<int> AllIndexes(string text, string value)
    {
        var found = new List<int>();
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
            found.Add(i);
        return found;
    }
}
