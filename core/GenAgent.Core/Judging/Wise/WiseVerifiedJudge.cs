using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace GenAgent.Core.Judging.Wise;

/// <summary>
/// <c>wise-verified</c>: the newer WISE protocol (an open VLM on vLLM, temperature 0): one 0/1 verdict per image,
/// read from a <c>Score: 0|1</c> line. Its numbers are not comparable with <see cref="WiseLegacyJudge"/>'s.
/// </summary>
public sealed partial class WiseVerifiedJudge(IChatClient judge) : IImageJudge
{
    public const string JudgeName = "wise-verified";

    // A reasoning model may think before it answers; the bound keeps a runaway reply finite.
    private const int MaxReplyTokens = 1024;

    private const string Rules =
        "You are a strict judge of generated images for a world-knowledge benchmark. A prompt often describes its subject " +
        "indirectly; the explanation says what the image must really show. Give 1 only if the image clearly shows what the " +
        "explanation describes, as one coherent picture; otherwise give 0.\nEnd your reply with one line: Score: <0 or 1>";

    public string Name => JudgeName;

    public async Task<ImageVerdict> JudgeAsync(byte[] image, JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(request);
        var text = $"PROMPT: {request.Prompt}\nEXPLANATION: {request.Explanation ?? "(none given)"}";
        var reply = await VlmJudgeCall.AskAsync(judge, Rules, text, image, MaxReplyTokens, cancellationToken).ConfigureAwait(false);
        var matches = ScoreLine().Matches(reply.Text);
        bool? pass = matches.Count == 0 ? null : matches[^1].Groups["n"].Value == "1";
        var found = pass is null ? $"no Score line in the reply, counted as 0: {VlmJudgeCall.Excerpt(reply.Text)}" : pass.Value ? "score 1" : "score 0";
        return new ImageVerdict(pass == true, [new CheckOutcome("knowledge", request.Explanation ?? request.Prompt, found, pass == true)], JudgeName)
        {
            Unparsed = pass is null,
            InputTokens = reply.InputTokens,
            OutputTokens = reply.OutputTokens,
        };
    }

    [GeneratedRegex(@"score\W{0,4}:\W{0,4}(?<n>[01])\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScoreLine();
}
