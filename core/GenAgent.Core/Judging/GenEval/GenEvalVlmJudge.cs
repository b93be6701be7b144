using Microsoft.Extensions.AI;

namespace GenAgent.Core.Judging.GenEval;

/// <summary>
/// <c>geneval-vlm</c>: the GenEval++ protocol over any OpenAI-compatible VLM (GPT-4.1 in the paper): the rules as the
/// system message, the instruction and checklist, the image as JPEG, temperature 0, a 200-token reply with a JSON
/// verdict. A reply without a verdict counts as wrong and says so, as the benchmark scores it.
/// </summary>
public sealed class GenEvalVlmJudge(IChatClient judge) : IImageJudge
{
    public const string JudgeName = "geneval-vlm";

    /// <summary>The official script's reply budget: enough for the JSON verdict and a short reason.</summary>
    public const int MaxReplyTokens = 200;

    private const string Rules =
        "You are a strict expert judge of generated images. You receive an instruction, a checklist of what the image " +
        "must show, and the image. Decide whether the image satisfies every checklist line: each object class is present " +
        "with exactly the stated count, in the stated color, with the stated relative size, and where a line names a part " +
        "of the image, every instance actually sits in that part by its pixel location. The image must also be one natural, " +
        "photo-like picture: a cartoon, sketch, anime style, collage or several panels fails. When in doubt, fail it.\n" +
        "Answer with JSON only: {\"correct\": 1 or 0, \"reason\": \"one short sentence\"}.";

    public string Name => JudgeName;

    public async Task<ImageVerdict> JudgeAsync(byte[] image, JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(request);
        var checklist = GenEvalChecklist.Text(request.Prompt, request.Checklist);
        var reply = await VlmJudgeCall.AskAsync(judge, Rules, checklist, image, MaxReplyTokens, cancellationToken).ConfigureAwait(false);
        var verdict = GenEvalVerdict.TryParse(reply.Text);
        var expected = request.Checklist is null ? request.Prompt : string.Join(" ", GenEvalChecklist.Lines(request.Checklist));
        var found = verdict is null
            ? $"no verdict in the reply, counted as wrong: {VlmJudgeCall.Excerpt(reply.Text)}"
            : verdict.Reason ?? (verdict.Correct ? "correct" : "incorrect");
        return new ImageVerdict(verdict?.Correct == true, [new CheckOutcome("checklist", expected, found, verdict?.Correct == true)], JudgeName)
        {
            Unparsed = verdict is null,
            InputTokens = reply.InputTokens,
            OutputTokens = reply.OutputTokens,
        };
    }
}
