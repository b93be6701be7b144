using System.Text.RegularExpressions;

namespace GenAgent.Core.Protocol;

/// <summary>Cuts assistant text into tagged segments, in the order the model wrote them.</summary>
internal static partial class ReplyTags
{
    public const string Think = "think";
    public const string Judge = "judge";
    public const string Answer = "answer";
    public const string ToolCall = "tool_call";

    /// <summary>
    /// Unclosed segments end at the next opening tag or at the end of the text, because the server's
    /// stop sequence eats <c>&lt;/tool_call&gt;</c> and models often skip <c>&lt;/think&gt;</c>.
    /// A mismatched closing tag still closes the open segment: it is a typo, not new structure.
    /// </summary>
    public static List<ReplySegment> Split(string text)
    {
        var segments = new List<ReplySegment>();
        string? openTag = null;
        var contentStart = 0;

        foreach (Match match in TagPattern().Matches(text))
        {
            var tag = match.Groups["name"].Value.ToLowerInvariant();
            var isClosing = match.Groups["slash"].Success;

            if (!isClosing)
            {
                if (openTag is not null)
                {
                    segments.Add(new ReplySegment(openTag, text[contentStart..match.Index], Closed: false));
                }

                openTag = tag;
                contentStart = match.Index + match.Length;
            }
            else if (openTag is not null)
            {
                segments.Add(new ReplySegment(openTag, text[contentStart..match.Index], Closed: true));
                openTag = null;
            }
            else if (tag == Think && segments.Count == 0)
            {
                // Chat templates that pre-fill "<think>" leave only the closing tag in the reply.
                segments.Add(new ReplySegment(Think, text[..match.Index], Closed: true));
            }
        }

        if (openTag is not null)
        {
            segments.Add(new ReplySegment(openTag, text[contentStart..], Closed: false));
        }

        return segments;
    }

    [GeneratedRegex(@"<\s*(?<slash>/)?\s*(?<name>think|judge|answer|tool_call)\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
