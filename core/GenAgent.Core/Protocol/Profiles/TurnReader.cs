using System.Text.Json;

namespace GenAgent.Core.Protocol.Profiles;

/// <summary>
/// Reads a reply the way the profile's client does. The general profile uses <see cref="AgentReplyParser"/>; the genagent
/// profiles apply the reference client's rules: a tool call wins when the text holds <c>&lt;tool_call&gt;</c>, the stop is
/// a substring test, and the history keeps the text as the reference keeps it.
/// </summary>
public static class TurnReader
{
    private const string ToolCallOpen = "<tool_call>";
    private const string ToolCallClose = "</tool_call>";
    private const string ExactDone = "<answer>done</answer>";
    private const string AnswerClose = "</answer>";

    public static TurnReading Read(ProtocolProfile profile, string? raw)
    {
        ArgumentNullException.ThrowIfNull(profile);
        raw ??= string.Empty;
        return profile.ToolCalls == ToolCallReading.Tolerant ? ReadTolerant(raw) : ReadAsReference(profile, raw);
    }

    private static TurnReading ReadTolerant(string raw)
    {
        try
        {
            var reply = AgentReplyParser.Parse(raw);
            return new TurnReading { Action = reply.IsDone ? TurnAction.Done : TurnAction.Tool, Reply = reply, History = reply.Normalized };
        }
        catch (ProtocolViolationException violation)
        {
            return new TurnReading { Action = TurnAction.Invalid, Violation = violation, History = raw };
        }
    }

    private static TurnReading ReadAsReference(ProtocolProfile profile, string raw)
    {
        var segments = ReplyTags.Split(raw);
        var think = AgentReplyParser.Join(segments, ReplyTags.Think);
        var judge = AgentReplyParser.Join(segments, ReplyTags.Judge);
        var stops = profile.Done == DoneRule.ExactDone
            ? raw.Contains(ExactDone, StringComparison.Ordinal)
            : raw.Contains(AnswerClose, StringComparison.Ordinal);
        var history = profile.History switch
        {
            ReplyHistory.Raw => raw,
            ReplyHistory.TrimmedWithClosingTag => raw.Trim() + ToolCallClose,
            _ => raw,
        };

        // Ordinal, case-sensitive, as the reference's `in` test: "<Tool_Call>" is not a call there either.
        var open = raw.IndexOf(ToolCallOpen, StringComparison.Ordinal);
        if (open >= 0)
        {
            var section = raw[(open + ToolCallOpen.Length)..];
            var close = section.IndexOf(ToolCallClose, StringComparison.Ordinal);
            section = (close >= 0 ? section[..close] : section).Trim();
            var call = profile.ToolCalls == ToolCallReading.StrictCaption ? StrictCaption(section, raw) : JsonOrLiteral(section, raw);
            if (call.Violation is { } violation)
                return new TurnReading { Action = TurnAction.Invalid, Violation = violation, History = history };
            return new TurnReading
            {
                Action = TurnAction.Tool,
                Reply = new AgentReply(think, judge, call.Call, Answer: null, raw, history),
                History = history,
                StopsAfterTool = stops,
            };
        }

        if (stops)
        {
            // A stop is not put back into the history by the reference; a follow-up episode still needs to see it.
            return new TurnReading { Action = TurnAction.Done, Reply = new AgentReply(think, judge, null, "done", raw, raw), History = raw };
        }

        return new TurnReading
        {
            Action = TurnAction.NoAction,
            Reply = new AgentReply(think, judge, null, null, raw, raw),
            // v2 appends the reply and asks again; v1 appends nothing and sends the same request again.
            History = profile.NoAction == NoActionRule.AppendAndAsk ? raw : null,
            Violation = new ProtocolViolationException(ProtocolErrorKind.NoAction, "The reply has neither a tool call nor a stop.", raw),
        };
    }

    /// <summary>v1 reads <c>arguments.caption</c> from strict JSON and ignores the name: generation is its only tool.</summary>
    private static (ToolCall? Call, ProtocolViolationException? Violation) StrictCaption(string section, string raw)
    {
        try
        {
            using var document = JsonDocument.Parse(section);
            if (document.RootElement.ValueKind == JsonValueKind.Object && Argument(document.RootElement, ToolNames.CaptionArgument) is { } caption)
                return (new ToolCall(ToolNames.Generate, caption), null);

            return (null, new ProtocolViolationException(ProtocolErrorKind.MissingArgument, "The tool call has no string arguments.caption.", raw));
        }
        catch (JsonException)
        {
            return (null, new ProtocolViolationException(ProtocolErrorKind.MalformedToolCall, "The <tool_call> body is not strict JSON.", raw));
        }
    }

    /// <summary>v2: JSON, else a Python-style literal (single-quoted strings), then the tool by name and its one argument.</summary>
    private static (ToolCall? Call, ProtocolViolationException? Violation) JsonOrLiteral(string section, string raw)
    {
        var root = ParseStrict(section) ?? ParseStrict(TolerantJson.Repair(section));
        if (root is not { ValueKind: JsonValueKind.Object } call)
            return (null, new ProtocolViolationException(ProtocolErrorKind.MalformedToolCall, "The <tool_call> body is neither JSON nor a Python literal.", raw));
        var name = call.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (name is not (ToolNames.Generate or ToolNames.Edit))
            return (null, new ProtocolViolationException(ProtocolErrorKind.UnknownTool, $"Unknown tool \"{AgentReplyParser.Shorten(name ?? "(none)")}\".", raw));
        var argumentName = name == ToolNames.Edit ? ToolNames.InstructionArgument : ToolNames.CaptionArgument;
        if (Argument(call, argumentName) is { } argument)
            return (new ToolCall(name, argument), null);

        return (null, new ProtocolViolationException(ProtocolErrorKind.MissingArgument, $"The {name} call needs a non-empty string \"{argumentName}\".", raw));
    }

    /// <summary>The trimmed non-empty string <c>arguments.&lt;name&gt;</c> of a call object, or null.</summary>
    private static string? Argument(JsonElement call, string name) =>
        call.TryGetProperty("arguments", out var arguments)
        && arguments.ValueKind == JsonValueKind.Object
        && arguments.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static JsonElement? ParseStrict(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
