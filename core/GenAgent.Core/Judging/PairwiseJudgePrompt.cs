using GenAgent.Core.Images;
using GenAgent.Core.Protocol;

namespace GenAgent.Core.Judging;

/// <summary>
/// The messages that ask the agent model which of two images follows a prompt better.
/// Wire format (plain message text, like the agent protocol):
/// <list type="bullet">
/// <item>system: text starting with <see cref="Marker"/>, the judging rules and the answer format;</item>
/// <item>user: text <c>Prompt: &lt;prompt&gt;</c> and <c>Image A:</c>, image A, text <c>Image B:</c>, image B, the question;</item>
/// <item>assistant: <c>&lt;think&gt;reasoning&lt;/think&gt;&lt;answer&gt;A&lt;/answer&gt;</c> (or <c>B</c>).</item>
/// </list>
/// A reply without a usable answer gets <see cref="Correction"/> once (see <see cref="ComparisonParser"/>).
/// </summary>
public static class PairwiseJudgePrompt
{
    /// <summary>The first words of the system message; offline agents recognize a comparison request by them.</summary>
    public const string Marker = "Pairwise image comparison.";

    public const string ImageALabel = "Image A:";
    public const string ImageBLabel = "Image B:";

    public static string SystemText { get; } =
        $"{Marker} You are the judge of a text-to-image system. You will see one prompt and two candidate images, A and B, " +
        "both made for that prompt. Decide which one a careful reader of the prompt would accept: every requested object " +
        "present with the right count, color, position and relative size, nothing extra that the prompt rules out, and one " +
        "coherent photo-like picture. Correctness against the prompt outweighs beauty. If both are equally good or equally " +
        "flawed, prefer A.\n" +
        "Reply in exactly this format: first <think>your comparison, flaw by flaw</think>, then <answer>A</answer> or " +
        "<answer>B</answer>, with nothing else inside the answer tags.";

    /// <summary>The conversation that asks for a verdict on <paramref name="imageA"/> against <paramref name="imageB"/>.</summary>
    public static IReadOnlyList<ConversationMessage> Messages(string prompt, ImageRef imageA, ImageRef imageB)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        ArgumentNullException.ThrowIfNull(imageA);
        ArgumentNullException.ThrowIfNull(imageB);
        return
        [
            ConversationMessage.System(SystemText),
            new ConversationMessage(ConversationMessage.UserRole,
            [
                ConversationPart.FromText($"Prompt: {prompt.Trim()}\n{ImageALabel}"),
                ConversationPart.FromImage(imageA),
                ConversationPart.FromText(ImageBLabel),
                ConversationPart.FromImage(imageB),
                ConversationPart.FromText("Which image follows the prompt better, A or B?"),
            ]),
        ];
    }

    /// <summary>The single corrective message sent after a reply that named no winner.</summary>
    public static ConversationMessage Correction() => ConversationMessage.User(
        "Your last reply did not name a winner in the required format. Reply again: <think>...</think> and then exactly " +
        "<answer>A</answer> or <answer>B</answer>.");
}
