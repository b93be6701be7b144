namespace GenAgent.Inference.Models;

/// <summary>Floating-point element type of a component's float tensors; JSON "fp32" or "fp16".</summary>
public enum TensorDType
{
    Float32,
    Float16,
}
