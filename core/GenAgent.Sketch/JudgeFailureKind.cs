namespace GenAgent.Sketch;

/// <summary>What kind of check failed; the agent decides between editing and regenerating from these.</summary>
public enum JudgeFailureKind
{
    Missing,
    WrongCount,
    WrongColor,
    WrongRegion,
    WrongSize,
    WrongRelation,
    Excluded,
}
