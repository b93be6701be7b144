using System.Globalization;
using Microsoft.Extensions.AI;

namespace GenAgent.Core.Judging.Wise;

/// <summary>
/// <c>wise-legacy</c>: WISE as the paper scored it (GPT-4o in the original, temperature 0). The judge rates
/// consistency with the prompt's intended meaning (given the benchmark's explanation), realism and aesthetic quality,
/// each 0-2; the verdict's score is the WiScore. A reply without all three ratings scores 0 and is marked unparsed: the
/// original rejects a run that has any, so the report flags it.
/// </summary>
public sealed class WiseLegacyJudge(IChatClient judge) : IImageJudge
{
    public const string JudgeName = "wise-legacy";

    private const int MaxReplyTokens = 512;

    private const string Rules =
        "You are a careful judge of generated images for a world-knowledge benchmark. A prompt often describes its subject " +
        "indirectly; the explanation says what the image should really show. Rate the image on three scales from 0 to 2:\n" +
        "Consistency: 2 = shows exactly what the explanation says the prompt means; 1 = partly; 0 = wrong or missing subject.\n" +
        "Realism: 2 = physically and visually plausible; 1 = noticeable flaws; 0 = implausible.\n" +
        "Aesthetic Quality: 2 = well composed and pleasing; 1 = ordinary; 0 = poor.\n" +
        "Reply with exactly three lines and nothing else:\nConsistency: <0-2>\nRealism: <0-2>\nAesthetic Quality: <0-2>";

    /// <summary>A WiScore at or above this counts as a pass in pass-rate views; the score itself is what the benchmark averages.</summary>
    private const double PassMark = 0.5;

    public string Name => JudgeName;

    public async Task<ImageVerdict> JudgeAsync(byte[] image, JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(request);
        var text = $"PROMPT: {request.Prompt}\nEXPLANATION: {request.Explanation ?? "(none given)"}";
        var reply = await VlmJudgeCall.AskAsync(judge, Rules, text, image, MaxReplyTokens, cancellationToken).ConfigureAwait(false);
        var rubric = WiseRubric.TryParse(reply.Text);
        var score = rubric?.WiScore ?? 0;
        var found = rubric is null
            ? $"no three ratings in the reply, scored 0 (the original protocol rejects such a run): {VlmJudgeCall.Excerpt(reply.Text)}"
            : $"consistency {rubric.Consistency}, realism {rubric.Realism}, aesthetic {rubric.Aesthetic}: WiScore {score.ToString("0.00", CultureInfo.InvariantCulture)}";
        return new ImageVerdict(score >= PassMark, [new CheckOutcome("wiscore", request.Explanation ?? request.Prompt, found, score >= PassMark)], JudgeName)
        {
            Score = score,
            Unparsed = rubric is null,
            InputTokens = reply.InputTokens,
            OutputTokens = reply.OutputTokens,
        };
    }
}
