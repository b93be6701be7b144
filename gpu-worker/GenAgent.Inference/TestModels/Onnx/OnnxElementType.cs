namespace GenAgent.Inference.TestModels.Onnx;

/// <summary>onnx.proto TensorProto.DataType values used by the tiny models.</summary>
public enum OnnxElementType
{
    Float = 1,
    Int32 = 6,
    Int64 = 7,
    Float16 = 10,
}
