using System.Text.RegularExpressions;

namespace GenAgent.Core.Protocol;

/// <summary>
/// Shrinks a finished episode's conversation before the next episode sees it: each image stays a reference (never
/// bytes) and long reasoning is cut, because the next episode needs the earlier decisions, not every thought behind them.
/// </summary>
public static partial class ConversationCompaction
{
    /// <summary>Reasoning kept per <c>&lt;think&gt;</c> block of an earlier episode.</summary>
    public const int DefaultMaxThinkChars = 400;

    public const string Ellipsis = "…";

    /// <summary>Returns the messages with every assistant <c>&lt;think&gt;</c> body longer than <paramref name="maxThinkChars"/> cut.</summary>
    public static IReadOnlyList<ConversationMessage> Compact(IReadOnlyList<ConversationMessage> messages, int maxThinkChars = DefaultMaxThinkChars)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentOutOfRangeException.ThrowIfNegative(maxThinkChars);
        return [.. messages.Select(m => m.Role == ConversationMessage.AssistantRole ? CompactAssistant(m, maxThinkChars) : m)];
    }

    /// <summary>Cuts each <c>&lt;think&gt;</c> body over <paramref name="maxChars"/> characters to its start plus an ellipsis.</summary>
    public static string TrimThinking(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxChars);
        return ThinkBlock().Replace(text, match =>
        {
            var body = match.Groups["body"].Value.Trim();
            if (body.Length <= maxChars) return match.Value;
            // Never split a surrogate pair: half an emoji is not valid text.
            var cut = maxChars > 0 && char.IsHighSurrogate(body[maxChars - 1]) ? maxChars - 1 : maxChars;
            return $"{match.Groups["open"].Value}{body[..cut].TrimEnd()}{Ellipsis}{match.Groups["close"].Value}";
        });
    }

    private static ConversationMessage CompactAssistant(ConversationMessage message, int maxThinkChars) =>
        message with { Parts = [.. message.Parts.Select(p => p.Text is { } text ? ConversationPart.FromText(TrimThinking(text, maxThinkChars)) : p)] };

    // Replayed assistant text is normalized, so every block is closed; an unclosed one (raw text) is left alone.
    [GeneratedRegex(@"(?<open><\s*think\s*>)(?<body>.*?)(?<close><\s*/\s*think\s*>)", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThinkBlock();
}
