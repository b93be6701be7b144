namespace GenAgent.Cli.Eval;

/// <summary>Pass rates for one tag (or overall): the bare generator, and the agent at each image cap in <see cref="EvalReport.Caps"/>.</summary>
internal sealed record EvalRow(string Tag, int Prompts, double Bare, IReadOnlyList<double> Agent);
