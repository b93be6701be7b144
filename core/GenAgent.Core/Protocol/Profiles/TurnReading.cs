namespace GenAgent.Core.Protocol.Profiles;

/// <summary>What a reply means under a protocol profile.</summary>
public enum TurnAction
{
    /// <summary>Call <see cref="AgentReply.ToolCall"/>.</summary>
    Tool,
    /// <summary>The model is satisfied; the trajectory ends.</summary>
    Done,
    /// <summary>Neither a tool call nor a stop; the profile's <see cref="NoActionRule"/> says what follows.</summary>
    NoAction,
    /// <summary>The reply breaks the protocol (a bad tool call): corrected under <see cref="NoActionRule.Correct"/>, else the attempt fails.</summary>
    Invalid,
}

/// <summary>
/// One reply read under a profile. <see cref="History"/> is the assistant text that goes back into the conversation
/// (null: nothing is appended); <see cref="Reply"/> holds the parts shown to users and the tool call.
/// </summary>
public sealed record TurnReading
{
    public required TurnAction Action { get; init; }

    public AgentReply? Reply { get; init; }

    public string? History { get; init; }

    public ProtocolViolationException? Violation { get; init; }

    /// <summary>The reply both called a tool and stopped: the reference runs the tool, then ends the trajectory.</summary>
    public bool StopsAfterTool { get; init; }

    public string? Think => Reply?.Think;

    public string? Judge => Reply?.Judge;
}
