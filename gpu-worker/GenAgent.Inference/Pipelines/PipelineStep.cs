namespace GenAgent.Inference.Pipelines;

/// <summary>Progress of one batched call: denoising step <see cref="Step"/> of <see cref="TotalSteps"/> is done.</summary>
public sealed record PipelineStep(string Model, int Step, int TotalSteps, int BatchSize);
