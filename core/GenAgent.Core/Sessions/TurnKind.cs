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
    /// <summary>Broke the protocol; a corrective message followed.</summary>
    ProtocolError,
    /// <summary>Wanted another image but the image budget was spent.</summary>
    BudgetStop,
}
