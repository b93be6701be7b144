using GenAgent.Core.Sessions;

namespace GenAgent.Core.Protocol.Profiles;

/// <summary>
/// How one family of agent models is driven: the tools it knows, its budgets and image size, how its earlier replies go
/// back into the history, when it has stopped, how strictly its tool JSON is read, and what happens when it goes wrong.
/// The genagent profiles follow the authors' reference client (deep-kaixun/geagent) because the released weights were
/// fine-tuned on exactly that conversation; <see cref="ProtocolProfiles.General"/> is our own, for any capable VLM.
/// </summary>
public sealed record ProtocolProfile
{
    /// <summary>The value of <c>GenAgent:Agent:Protocol</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The tools the weights were trained with; a session never offers more.</summary>
    public required IReadOnlyList<string> Tools { get; init; }

    public required int MaxImages { get; init; }

    /// <summary>Model calls per trajectory attempt.</summary>
    public required int MaxTurns { get; init; }

    /// <summary>The square image size the tools are asked for by default.</summary>
    public required int ImageSize { get; init; }

    public required ReplyHistory History { get; init; }

    public required NoActionRule NoAction { get; init; }

    public required DoneRule Done { get; init; }

    public required ToolCallReading ToolCalls { get; init; }

    /// <summary>Whether a judging turn writes its judgment before its reasoning (v1's order) rather than after.</summary>
    public bool JudgeBeforeThink { get; init; }

    /// <summary>How our own system prompt lays out the tool schemas when no imported prompt is used.</summary>
    public required SchemaLayout Schemas { get; init; }

    /// <summary>
    /// False for the genagent profiles: the reference client ends the trajectory right after the last allowed image,
    /// without asking the model to judge it. True asks once more, so the last image gets a judgment too.
    /// </summary>
    public required bool AskAfterLastImage { get; init; }

    /// <summary>
    /// Whether a user's starting image is the one the first edit works on. The genagent weights are trained to start with
    /// a generation, so there the image is context only; a general model may start by editing it.
    /// </summary>
    public required bool StartingImageIsEditable { get; init; }

    /// <summary>Whole-trajectory attempts before the direct fallback generation, when fallback is on (the reference makes 3).</summary>
    public required int TrajectoryAttempts { get; init; }

    /// <summary>Whether a session ends with a direct generation from the raw prompt when no attempt produced an image.</summary>
    public required bool FallbackByDefault { get; init; }

    /// <summary>Whether the weights expect the authors' system prompt text (see <c>genagent protocol import</c>).</summary>
    public required bool TrainedOnReferencePrompt { get; init; }

    /// <summary>The session options a front door starts from: this profile's budgets and size, narrowed to the tools that exist.</summary>
    public SessionOptions Defaults(IReadOnlyList<string> availableTools)
    {
        ArgumentNullException.ThrowIfNull(availableTools);
        return new SessionOptions
        {
            MaxImages = MaxImages,
            MaxTurns = MaxTurns,
            Width = ImageSize,
            Height = ImageSize,
            Tools = OfferedTools(availableTools),
        };
    }

    /// <summary>The tools a session may offer: what it asked for, what this host has, and what the weights know.</summary>
    public IReadOnlyList<string> OfferedTools(IReadOnlyList<string> requested) => [.. requested.Where(Tools.Contains).Distinct(StringComparer.Ordinal)];
}

/// <summary>How an earlier assistant reply is put back into the conversation.</summary>
public enum ReplyHistory
{
    /// <summary>Rebuilt from its parsed parts: every tag closed, the tool JSON rewritten plainly (ours).</summary>
    Normalized,
    /// <summary>Exactly as received (reference v2; the stop sequence leaves the closing tag off).</summary>
    Raw,
    /// <summary>Trimmed, then <c>&lt;/tool_call&gt;</c> appended (reference v1).</summary>
    TrimmedWithClosingTag,
}

/// <summary>What follows a reply with neither a tool call nor a stop.</summary>
public enum NoActionRule
{
    /// <summary>A corrective user message that says what was wrong (ours; bounded by <c>maxCorrections</c>).</summary>
    Correct,
    /// <summary>The reply is appended as an assistant turn and the model is asked again (reference v2).</summary>
    AppendAndAsk,
    /// <summary>Nothing is appended; the same request is sent again (reference v1).</summary>
    Resend,
}

/// <summary>When a reply ends the trajectory.</summary>
public enum DoneRule
{
    /// <summary>A parsed <c>&lt;answer&gt;</c> whose text is "done", in any case and with stray punctuation (ours).</summary>
    ParsedAnswer,
    /// <summary>The exact substring <c>&lt;answer&gt;done&lt;/answer&gt;</c> (reference v2).</summary>
    ExactDone,
    /// <summary>Any <c>&lt;/answer&gt;</c> (reference v1).</summary>
    AnyAnswerClose,
}

/// <summary>How the JSON inside <c>&lt;tool_call&gt;</c> is read.</summary>
public enum ToolCallReading
{
    /// <summary>Fences, prose, single quotes, raw newlines, double-encoded arguments repaired; a bad call gets a correction (ours).</summary>
    Tolerant,
    /// <summary>JSON, else a Python-style literal (single quotes); a bad call fails the attempt (reference v2).</summary>
    JsonOrPythonLiteral,
    /// <summary>Strict JSON; only <c>arguments.caption</c> is read; a bad call fails the attempt (reference v1).</summary>
    StrictCaption,
}

/// <summary>How the tool schemas appear inside <c>&lt;tools&gt;</c> in our own system prompt.</summary>
public enum SchemaLayout
{
    /// <summary>One compact JSON array.</summary>
    CompactArray,
    /// <summary>An indented JSON array (the v2 layout).</summary>
    IndentedArray,
    /// <summary>One compact object per line (the v1 layout, which has one tool).</summary>
    ObjectPerLine,
}
