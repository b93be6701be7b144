using System.Text.Json;

namespace GenAgent.Core.Protocol;

/// <summary>Splits assistant text into think / judge / tool call / answer, tolerating what real models emit.</summary>
public static class AgentReplyParser
{
    private const int MaxNameInMessage = 64;

    /// <summary>Parses <paramref name="raw"/>; throws <see cref="ProtocolViolationException"/> (and nothing else) when it breaks the protocol.</summary>
    public static AgentReply Parse(string raw)
    {
        raw ??= string.Empty;
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new ProtocolViolationException(ProtocolErrorKind.Empty, "The model returned an empty reply.", raw);
        }

        var segments = ReplyTags.Split(raw);
        var toolCalls = segments.Count(s => s.Tag == ReplyTags.ToolCall);
        var answers = segments.Count(s => s.Tag == ReplyTags.Answer);
        if (toolCalls + answers == 0)
        {
            throw new ProtocolViolationException(ProtocolErrorKind.NoAction, "The reply has neither a <tool_call> nor an <answer>.", raw);
        }

        if (toolCalls > 1 || answers > 1 || (toolCalls == 1 && answers == 1))
        {
            throw new ProtocolViolationException(
                ProtocolErrorKind.AmbiguousAction,
                $"The reply has {toolCalls} tool call(s) and {answers} answer(s); exactly one action is allowed.",
                raw);
        }

        var action = segments.Single(s => s.Tag is ReplyTags.ToolCall or ReplyTags.Answer);
        var toolCall = action.Tag == ReplyTags.ToolCall ? ReadToolCall(action.Content, raw) : null;
        var answer = action.Tag == ReplyTags.Answer ? ReadAnswer(action.Content, raw) : null;

        return new AgentReply(
            Think: Join(segments, ReplyTags.Think),
            Judge: Join(segments, ReplyTags.Judge),
            ToolCall: toolCall,
            Answer: answer,
            Raw: raw,
            Normalized: ReplyText.Render(segments, toolCall, answer));
    }

    private static ToolCall ReadToolCall(string body, string raw)
    {
        var root = TolerantJson.ParseObject(body)
            ?? throw new ProtocolViolationException(ProtocolErrorKind.MalformedToolCall, "The <tool_call> body is not a JSON object.", raw);

        if (!root.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            throw new ProtocolViolationException(ProtocolErrorKind.MalformedToolCall, "The tool call has no string \"name\".", raw);
        }

        var written = nameElement.GetString()!.Trim();
        var name = ToolNames.All.FirstOrDefault(n => string.Equals(n, written, StringComparison.OrdinalIgnoreCase))
            ?? throw new ProtocolViolationException(ProtocolErrorKind.UnknownTool, $"Unknown tool \"{Shorten(written)}\".", raw);

        var argumentName = name == ToolNames.Edit ? ToolNames.InstructionArgument : ToolNames.CaptionArgument;
        if (!root.TryGetProperty("arguments", out var arguments))
        {
            throw new ProtocolViolationException(ProtocolErrorKind.MissingArgument, $"The {name} call has no \"arguments\".", raw);
        }

        if (arguments.ValueKind == JsonValueKind.String)
        {
            // Some models serialize the arguments object a second time, as OpenAI's function-calling API does.
            arguments = TolerantJson.ParseObject(arguments.GetString()!)
                ?? throw new ProtocolViolationException(ProtocolErrorKind.MalformedToolCall, "The tool call's \"arguments\" string is not a JSON object.", raw);
        }

        if (arguments.ValueKind != JsonValueKind.Object
            || !arguments.TryGetProperty(argumentName, out var value)
            || value.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new ProtocolViolationException(
                ProtocolErrorKind.MissingArgument,
                $"The {name} call needs a non-empty string argument \"{argumentName}\".",
                raw);
        }

        return new ToolCall(name, value.GetString()!.Trim());
    }

    private static string ReadAnswer(string content, string raw)
    {
        var text = content.Trim().Trim('.', '!', '*', '"', '\'', '`', ' ', '\t', '\r', '\n');
        if (text.Length == 0)
        {
            throw new ProtocolViolationException(ProtocolErrorKind.NoAction, "The <answer> is empty.", raw);
        }

        return string.Equals(text, "done", StringComparison.OrdinalIgnoreCase) ? "done" : content.Trim();
    }

    internal static string? Join(List<ReplySegment> segments, string tag)
    {
        var parts = segments.Where(s => s.Tag == tag).Select(s => s.Content.Trim()).Where(s => s.Length > 0).ToList();
        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    internal static string Shorten(string text) => text.Length <= MaxNameInMessage ? text : text[..MaxNameInMessage] + "...";
}
