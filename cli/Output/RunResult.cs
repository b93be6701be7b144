using GenAgent.Core.Sessions;

namespace GenAgent.Cli.Output;

/// <summary>The <c>--json</c> result of <c>run</c> and <c>resume</c>.</summary>
internal sealed record RunResult(
    string SessionId,
    OutcomeKind Outcome,
    string? Reason,
    int ImagesUsed,
    int Turns,
    long InputTokens,
    long OutputTokens,
    decimal ToolCost,
    string Folder,
    string? FinalImage,
    string Trajectory,
    string Report,
    IReadOnlyList<RoundResult> Rounds)
{
    public static RunResult From(Trajectory trajectory, WrittenSession written)
    {
        var rounds = new List<RoundResult>();
        var imageTurns = trajectory.Turns.Select((turn, position) => (turn, position)).Where(x => x.turn.Image is not null).ToList();
        for (var i = 0; i < imageTurns.Count; i++)
        {
            var (turn, position) = imageTurns[i];
            var judgment = trajectory.Turns.Skip(position + 1).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t.Judgment))?.Judgment;
            rounds.Add(new RoundResult(i + 1, turn.Tool ?? "", turn.Argument, turn.Seed, written.RoundImages[i], judgment));
        }

        var outcome = trajectory.Outcome ?? throw new InvalidOperationException($"Session {trajectory.SessionId} has no outcome yet.");
        return new RunResult(trajectory.SessionId, outcome.Kind, outcome.Reason, trajectory.ImagesUsed, trajectory.Turns.Count,
            trajectory.Usage.InputTokens, trajectory.Usage.OutputTokens, trajectory.ToolCost, written.Folder, written.FinalImage,
            written.Trajectory, written.Report, rounds);
    }
}

/// <summary>One image of a session and the judgment the agent wrote about it.</summary>
internal sealed record RoundResult(int Round, string Tool, string? Argument, long? Seed, string Image, string? Judgment);
