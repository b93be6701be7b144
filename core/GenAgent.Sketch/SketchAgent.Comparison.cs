using GenAgent.Core.Judging;
using Microsoft.Extensions.AI;

namespace GenAgent.Sketch;

/// <summary>
/// Pairwise comparisons (<see cref="PairwiseJudgePrompt"/>): both images are checked against the prompt's checklist
/// through the agent's own eye, and the one with fewer issues it can see wins, A on a tie, as the system prompt asks.
/// </summary>
public sealed partial class SketchAgent
{
    private static bool IsComparison(IReadOnlyList<ChatMessage> messages) =>
        messages.Any(m => m.Role == ChatRole.System && m.Text.TrimStart().StartsWith(PairwiseJudgePrompt.Marker, StringComparison.Ordinal));

    private static string Compare(IReadOnlyList<ChatMessage> messages)
    {
        var request = messages.FirstOrDefault(m => m.Role == ChatRole.User && ImagesOf(m).Count >= 2)
            ?? throw new ArgumentException("A comparison request needs one user message with two images.", nameof(messages));
        var prompt = PromptOf(request.Text);
        var images = ImagesOf(request);
        var checklist = Checklist.FromPrompt(prompt);
        var a = AgentEye.Default.Look(images[0], checklist);
        var b = AgentEye.Default.Look(images[1], checklist);
        var winner = b.Issues.Count < a.Issues.Count ? ComparisonChoice.B : ComparisonChoice.A;
        var why = a.Issues.Count == b.Issues.Count
            ? "Both are equally good, so I keep A."
            : $"Image {winner} has fewer problems, so it follows the prompt better.";
        return Think($"The prompt needs {checklist}. Image A: {Verdict(a, images[0])}. Image B: {Verdict(b, images[1])}. {why}")
            + $"<answer>{winner}</answer>";
    }

    private static string Verdict(JudgeResult result, byte[] png) => result.Passed
        ? $"it shows {Describe(result.Detected, png)}, which matches"
        : $"it shows {Describe(result.Detected, png)}; problems: {string.Join("; ", result.Failures)}";

    private static string PromptOf(string text)
    {
        const string prefix = "Prompt:";
        var start = text.IndexOf(prefix, StringComparison.OrdinalIgnoreCase);
        var rest = start >= 0 ? text[(start + prefix.Length)..] : text;
        var end = rest.IndexOf(PairwiseJudgePrompt.ImageALabel, StringComparison.Ordinal);
        return (end >= 0 ? rest[..end] : rest).Trim();
    }

    private static List<byte[]> ImagesOf(ChatMessage m) =>
        [.. m.Contents.OfType<DataContent>().Where(d => d.HasTopLevelMediaType("image")).Select(d => d.Data.ToArray())];

    private static int ApproximateTokens(IReadOnlyList<ChatMessage> messages) =>
        messages.Sum(m => (m.Text.Length / 4) + (ImagesOf(m).Count * 256));
}
