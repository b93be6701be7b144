using GenAgent.Core.Judging.GenEval;
using GenAgent.Core.Judging.Wise;

namespace GenAgent.Cli.Eval;

/// <summary>
/// The paper's headline numbers (n_max = 2), shown beside a configuration that matches: the same benchmark and judge
/// protocol, the released weights' profile (or the bare generator) and, for the agent, two images. Generators are
/// recognised by the generator profile's name: "qwen" means Qwen-Image; the reference profiles' own generator (or
/// "flux") means FLUX.1-dev.
/// </summary>
internal static class PaperNumbers
{
    private const int PaperImages = 2;

    public static PaperNumber? For(EvalPlan plan, EvalConfiguration configuration)
    {
        var generator = configuration.Generator.Contains("qwen", StringComparison.OrdinalIgnoreCase) ? "Qwen-Image"
            : configuration.Generator.StartsWith("vllm-genagent", StringComparison.OrdinalIgnoreCase) || configuration.Generator.Contains("flux", StringComparison.OrdinalIgnoreCase) ? "FLUX.1-dev"
            : null;
        if (generator is null) return null;
        var agent = configuration.Bare ? null : configuration.Agent.StartsWith("vllm-genagent", StringComparison.OrdinalIgnoreCase) ? "GenAgent" : null;
        if (!configuration.Bare && (agent is null || plan.MaxImages != PaperImages)) return null;

        PaperNumber? number = (plan.Benchmark, plan.Judge, configuration.Bare, generator) switch
        {
            ("geneval-pp", GenEvalVlmJudge.JudgeName, true, "FLUX.1-dev") => new PaperNumber(0.325, "paper: FLUX.1-dev alone"),
            ("geneval-pp", GenEvalVlmJudge.JudgeName, true, "Qwen-Image") => new PaperNumber(0.668, "paper: Qwen-Image alone"),
            ("geneval-pp", GenEvalVlmJudge.JudgeName, false, "FLUX.1-dev") => new PaperNumber(0.561, "paper: GenAgent + FLUX.1-dev, 2 images"),
            ("geneval-pp", GenEvalVlmJudge.JudgeName, false, "Qwen-Image") => new PaperNumber(0.725, "paper: GenAgent + Qwen-Image, 2 images"),
            (EvalBenchmark.Wise, WiseLegacyJudge.JudgeName, true, "FLUX.1-dev") => new PaperNumber(0.55, "paper: FLUX.1-dev alone (legacy WiScore)"),
            (EvalBenchmark.Wise, WiseLegacyJudge.JudgeName, false, "FLUX.1-dev") => new PaperNumber(0.69, "paper: GenAgent + FLUX.1-dev, 2 images (legacy WiScore)"),
            (EvalBenchmark.Wise, WiseLegacyJudge.JudgeName, false, "Qwen-Image") => new PaperNumber(0.72, "paper: GenAgent + Qwen-Image, 2 images (legacy WiScore)"),
            _ => null,
        };
        return number;
    }
}
