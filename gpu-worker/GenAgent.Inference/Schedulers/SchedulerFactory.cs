using GenAgent.Inference.Models;

namespace GenAgent.Inference.Schedulers;

public static class SchedulerFactory
{
    public static SchedulerKind ParseKind(string name) => name.Trim().ToLowerInvariant() switch
    {
        "euler" => SchedulerKind.Euler,
        "euler-ancestral" or "euler_ancestral" or "euler-a" => SchedulerKind.EulerAncestral,
        "flow-match-euler" or "flow_match_euler" => SchedulerKind.FlowMatchEuler,
        _ => throw new ArgumentException($"Unknown scheduler '{name}'. Valid values: euler, euler-ancestral, flow-match-euler.", nameof(name)),
    };

    public static PredictionType ParsePrediction(string name) => name.Trim().ToLowerInvariant() switch
    {
        "epsilon" => PredictionType.Epsilon,
        "v_prediction" or "v-prediction" => PredictionType.VPrediction,
        _ => throw new ArgumentException($"Unknown prediction type '{name}'. Valid values: epsilon, v_prediction.", nameof(name)),
    };

    public static IScheduler Create(SchedulerKind kind, ModelConstants constants)
    {
        ArgumentNullException.ThrowIfNull(constants);
        return kind switch
        {
            SchedulerKind.Euler => new EulerScheduler(constants.TrainTimesteps, constants.BetaStart, constants.BetaEnd, ParsePrediction(constants.PredictionType)),
            SchedulerKind.EulerAncestral => new EulerAncestralScheduler(constants.TrainTimesteps, constants.BetaStart, constants.BetaEnd, ParsePrediction(constants.PredictionType)),
            SchedulerKind.FlowMatchEuler => new FlowMatchEulerScheduler(constants.DynamicShift, constants.BaseShift, constants.MaxShift, constants.BaseImageSeqLen, constants.MaxImageSeqLen),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown scheduler kind."),
        };
    }
}
