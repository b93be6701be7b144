namespace GenAgent.Core.Protocol.Profiles;

/// <summary>The protocol profiles by name: the one place that says which exist.</summary>
public static class ProtocolProfiles
{
    public const string GenAgentV2Name = "genagent-v2";
    public const string GenAgentV1Name = "genagent-v1";
    public const string GeneralName = "general";

    /// <summary>The released v2 weights: both tools, 3 images, 10 model calls, 1024 px (reference <c>core/genagent_v2.py</c>).</summary>
    public static ProtocolProfile GenAgentV2 { get; } = new()
    {
        Name = GenAgentV2Name,
        Tools = ToolNames.All,
        MaxImages = 3,
        MaxTurns = 10,
        ImageSize = 1024,
        History = ReplyHistory.Raw,
        NoAction = NoActionRule.AppendAndAsk,
        Done = DoneRule.ExactDone,
        ToolCalls = ToolCallReading.JsonOrPythonLiteral,
        Schemas = SchemaLayout.IndentedArray,
        AskAfterLastImage = false,
        StartingImageIsEditable = false,
        TrajectoryAttempts = 3,
        FallbackByDefault = true,
        TrainedOnReferencePrompt = true,
    };

    /// <summary>The released v1 weights: generation only, 2 images, 9 model calls, 512 px (reference <c>core/genagent_v1.py</c>).</summary>
    public static ProtocolProfile GenAgentV1 { get; } = new()
    {
        Name = GenAgentV1Name,
        Tools = [ToolNames.Generate],
        MaxImages = 2,
        MaxTurns = 9,
        ImageSize = 512,
        History = ReplyHistory.TrimmedWithClosingTag,
        NoAction = NoActionRule.Resend,
        Done = DoneRule.AnyAnswerClose,
        ToolCalls = ToolCallReading.StrictCaption,
        Schemas = SchemaLayout.ObjectPerLine,
        JudgeBeforeThink = true,
        AskAfterLastImage = false,
        StartingImageIsEditable = false,
        TrajectoryAttempts = 3,
        FallbackByDefault = true,
        TrainedOnReferencePrompt = true,
    };

    /// <summary>Any capable VLM (GPT-4.1, Qwen2.5-VL, ...): our prompt, tolerant reading, corrections, a judgment of every image.</summary>
    public static ProtocolProfile General { get; } = new()
    {
        Name = GeneralName,
        Tools = ToolNames.All,
        MaxImages = 3,
        MaxTurns = 10,
        ImageSize = 1024,
        History = ReplyHistory.Normalized,
        NoAction = NoActionRule.Correct,
        Done = DoneRule.ParsedAnswer,
        ToolCalls = ToolCallReading.Tolerant,
        Schemas = SchemaLayout.CompactArray,
        AskAfterLastImage = true,
        StartingImageIsEditable = true,
        TrajectoryAttempts = 1,
        FallbackByDefault = false,
        TrainedOnReferencePrompt = false,
    };

    public static IReadOnlyList<ProtocolProfile> All { get; } = [GenAgentV2, GenAgentV1, General];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    public static ProtocolProfile? Find(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The profile named <paramref name="name"/>; an unknown name throws, naming the known ones.</summary>
    public static ProtocolProfile Get(string? name) => Find(name)
        ?? throw new ArgumentException($"Unknown agent protocol '{name}'; use {string.Join(", ", Names)}.", nameof(name));
}
