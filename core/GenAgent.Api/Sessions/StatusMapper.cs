using System.Text.Json;
using GenAgent.Api.Wire;
using GenAgent.Core.Sessions;

namespace GenAgent.Api.Sessions;

/// <summary>Domain state to the status wire record. Enum names go out in camelCase, like every other field.</summary>
internal static class StatusMapper
{
    public static SessionStatusResponse ToResponse(SessionView view, ImageLinks links)
    {
        var snapshot = view.Snapshot;
        var trajectory = view.Trajectory;
        return new SessionStatusResponse(
            snapshot.SessionId,
            Name(snapshot.Status),
            snapshot.Progress is { } p ? new ProgressResponse(p.Round, p.Turn, Name(p.Phase), p.ImagesUsed, p.LastCaption, p.LastJudgment) : null,
            trajectory is null ? [] : Rounds(trajectory.Turns, links),
            trajectory?.Outcome is { } o ? new OutcomeResponse(Name(o.Kind), o.Reason) : null,
            trajectory?.FinalImage is { } final ? links.For(final) : null,
            snapshot.FailureMessage,
            links.TrajectoryUrl,
            links.ReportUrl);
    }

    /// <summary>
    /// One round per image. A judgment is written on the turn after the image it critiques, so it is moved back to
    /// that image: the first judgment before the next image belongs to it.
    /// </summary>
    internal static List<RoundResponse> Rounds(IReadOnlyList<TurnRecord> turns, ImageLinks links)
    {
        var rounds = new List<RoundResponse>();
        for (var i = 0; i < turns.Count; i++)
        {
            var turn = turns[i];
            if (turn.Image is null) continue;
            string? judgment = null;
            for (var j = i + 1; j < turns.Count && judgment is null; j++)
            {
                if (!string.IsNullOrWhiteSpace(turns[j].Judgment)) judgment = turns[j].Judgment;
                else if (turns[j].Image is not null) break;
            }
            rounds.Add(new RoundResponse(rounds.Count + 1, Name(turn.Kind), turn.Argument, turn.Seed, links.For(turn.Image), judgment));
        }
        return rounds;
    }

    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
