namespace GenAgent.Inference.Schedulers;

/// <summary>Schedulers a manifest can name: "euler", "euler-ancestral", "flow-match-euler".</summary>
public enum SchedulerKind
{
    Euler,
    EulerAncestral,
    FlowMatchEuler,
}
