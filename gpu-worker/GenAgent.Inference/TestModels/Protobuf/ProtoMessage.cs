using Google.Protobuf;

namespace GenAgent.Inference.TestModels.Protobuf;

/// <summary>
/// A protobuf message written field by field with <see cref="CodedOutputStream"/>. No ONNX or
/// SentencePiece builder package is served here, so tiny models are written against the field
/// numbers of the official onnx.proto and sentencepiece_model.proto.
/// </summary>
public sealed class ProtoMessage
{
    private readonly List<byte> _bytes = [];

    public ProtoMessage Varint(int field, long value) => Write(o =>
    {
        o.WriteTag(field, WireFormat.WireType.Varint);
        o.WriteInt64(value);
    });

    public ProtoMessage Float(int field, float value) => Write(o =>
    {
        o.WriteTag(field, WireFormat.WireType.Fixed32);
        o.WriteFloat(value);
    });

    public ProtoMessage String(int field, string value) => Write(o =>
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteString(value);
    });

    public ProtoMessage Bytes(int field, byte[] value) => Write(o =>
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(value));
    });

    public ProtoMessage Message(int field, ProtoMessage message) => Bytes(field, message.ToArray());

    public byte[] ToArray() => [.. _bytes];

    private ProtoMessage Write(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        _bytes.AddRange(buffer.ToArray());
        return this;
    }
}
