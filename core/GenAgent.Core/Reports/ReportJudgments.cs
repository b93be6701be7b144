using GenAgent.Core.Sessions;

namespace GenAgent.Core.Reports;

/// <summary>
/// A judgment is recorded on the turn AFTER the image it critiques; the report shows it under that image instead.
/// </summary>
internal sealed record ReportJudgments(IReadOnlyDictionary<int, string> ByImageTurn, IReadOnlySet<int> ShownWithImage)
{
    /// <summary>Maps each image turn (list position) to the first judgment written before the next image.</summary>
    public static ReportJudgments Attribute(IReadOnlyList<TurnRecord> turns)
    {
        var byImage = new Dictionary<int, string>();
        var shown = new HashSet<int>();
        for (var i = 0; i < turns.Count; i++)
        {
            if (turns[i].Image is null) continue;
            for (var j = i + 1; j < turns.Count; j++)
            {
                if (!string.IsNullOrWhiteSpace(turns[j].Judgment))
                {
                    byImage[i] = turns[j].Judgment!;
                    shown.Add(j);
                    break;
                }

                if (turns[j].Image is not null) break;
            }
        }

        return new ReportJudgments(byImage, shown);
    }
}
