namespace GenAgent.Core.Sessions;

/// <summary>What the agent decided at a turn.</summary>
public enum TurnKind
{
    /// <summary>Called the generation tool.</summary>
    Generate,
    /// <summary>Called the editing tool on the latest image.</summary>
    Edit,
    /// <summary>Answered done.</summary>
    Done,
    /// <summary>Broke the protocol, or took no action; what followed depends on the protocol profile.</summary>
    ProtocolError,
    /// <summary>Wanted another image but the image budget was spent.</summary>
    BudgetStop,
    /// <summary>Not a model turn: the direct generation from the raw prompt after every attempt ended without an image.</summary>
    Fallback,
}
