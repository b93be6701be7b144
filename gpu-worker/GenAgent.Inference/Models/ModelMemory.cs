namespace GenAgent.Inference.Models;

/// <summary>
/// What loading one model set cost: the bytes of its ONNX files, and the process working-set growth
/// measured around loading and warm-up (approximate: the GC and other threads move it too).
/// </summary>
public sealed record ModelMemory(string Model, long FileBytes, long WorkingSetDelta);
