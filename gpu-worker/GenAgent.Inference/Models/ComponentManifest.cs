namespace GenAgent.Inference.Models;

/// <summary>
/// One ONNX file of a model set. <see cref="Inputs"/> and <see cref="Outputs"/> map the role the
/// pipeline knows (e.g. "sample") to the tensor name this export uses.
/// </summary>
public sealed record ComponentManifest(
    string Role,
    string File,
    TensorDType DType,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string> Outputs)
{
    public string Input(string role) =>
        Inputs.TryGetValue(role, out var name)
            ? name
            : throw new KeyNotFoundException($"Component '{Role}' has no input for role '{role}'.");

    public string Output(string role) =>
        Outputs.TryGetValue(role, out var name)
            ? name
            : throw new KeyNotFoundException($"Component '{Role}' has no output for role '{role}'.");
}
