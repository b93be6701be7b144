using GenAgent.Inference.TestModels.Protobuf;

namespace GenAgent.Inference.TestModels.Onnx;

/// <summary>A node attribute (onnx.proto AttributeProto): an int, a float, a string or a list of ints.</summary>
public sealed record OnnxAttribute(string Name, long? IntValue = null, float? FloatValue = null, string? StringValue = null, IReadOnlyList<long>? IntsValue = null)
{
    public static OnnxAttribute Int(string name, long value) => new(name, IntValue: value);

    public static OnnxAttribute Float(string name, float value) => new(name, FloatValue: value);

    public static OnnxAttribute String(string name, string value) => new(name, StringValue: value);

    public static OnnxAttribute Ints(string name, params long[] values) => new(name, IntsValue: values);

    // AttributeProto: name = 1, f = 2, i = 3, s = 4, ints = 8, type = 20 (FLOAT 1, INT 2, STRING 3, INTS 7).
    internal ProtoMessage ToProto()
    {
        var proto = new ProtoMessage().String(1, Name);
        if (IntValue is { } i)
        {
            return proto.Varint(3, i).Varint(20, 2);
        }

        if (FloatValue is { } f)
        {
            return proto.Float(2, f).Varint(20, 1);
        }

        if (StringValue is { } s)
        {
            return proto.Bytes(4, System.Text.Encoding.UTF8.GetBytes(s)).Varint(20, 3);
        }

        if (IntsValue is { } ints)
        {
            foreach (var value in ints)
            {
                proto.Varint(8, value);
            }

            return proto.Varint(20, 7);
        }

        throw new InvalidOperationException($"Attribute '{Name}' has no value.");
    }
}
