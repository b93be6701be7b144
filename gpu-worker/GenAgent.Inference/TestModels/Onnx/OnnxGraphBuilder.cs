using System.Runtime.InteropServices;
using GenAgent.Inference.TestModels.Protobuf;

namespace GenAgent.Inference.TestModels.Onnx;

/// <summary>
/// Builds a small ONNX model (one graph, default domain) as bytes. Dimensions are ints (fixed) or
/// strings (symbolic, e.g. "batch"). Field numbers follow onnx.proto: ModelProto ir_version = 1,
/// graph = 7, opset_import = 8; GraphProto node = 1, name = 2, initializer = 5, input = 11, output = 12;
/// NodeProto input = 1, output = 2, name = 3, op_type = 4, attribute = 5; TensorProto dims = 1,
/// data_type = 2, name = 8, raw_data = 9; ValueInfoProto name = 1, type = 2; TypeProto tensor_type = 1
/// (elem_type = 1, shape = 2); TensorShapeProto dim = 1 (dim_value = 1, dim_param = 2).
/// </summary>
public sealed class OnnxGraphBuilder
{
    private readonly string _name;
    private readonly List<NodeRecord> _nodes = [];
    private readonly List<ProtoMessage> _initializers = [];
    private readonly List<(string Name, OnnxElementType Type, object[] Dims)> _inputs = [];
    private readonly List<(string Name, OnnxElementType Type, object[] Dims)> _outputs = [];
    private int _counter;

    public OnnxGraphBuilder(string name)
    {
        _name = name;
    }

    /// <summary>
    /// When set, every float graph input and output is declared fp16 and converted at the boundary
    /// (Cast after each input, before each output), so the same graph stands in for an fp16 export.
    /// </summary>
    public bool Float16Boundary { get; init; }

    public string Input(string name, OnnxElementType type, params object[] dims)
    {
        _inputs.Add((name, type, dims));
        if (Float16Boundary && type == OnnxElementType.Float)
        {
            _inputs[^1] = (name, OnnxElementType.Float16, dims);
            return Node("Cast", [name], attributes: OnnxAttribute.Int("to", (long)OnnxElementType.Float));
        }

        return name;
    }

    public void Output(string name, OnnxElementType type, params object[] dims) => _outputs.Add((name, type, dims));

    public string Constant(float[] values, params long[] dims) => Initializer(Fresh("const"), OnnxElementType.Float, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), dims);

    public string Constant(long[] values, params long[] dims) => Initializer(Fresh("const"), OnnxElementType.Int64, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), dims);

    public string Scalar(float value) => Constant([value]);

    /// <summary>Adds a node and returns its (first) output name; <paramref name="output"/> names it, otherwise a fresh name is used.</summary>
    public string Node(string opType, IReadOnlyList<string> inputs, string? output = null, params OnnxAttribute[] attributes)
    {
        output ??= Fresh(opType.ToLowerInvariant());
        _nodes.Add(new NodeRecord(opType, [.. inputs], output, attributes));
        return output;
    }

    /// <summary>The model bytes: IR version 8, default-domain opset <paramref name="opset"/> (17: ReduceMean still takes axes as an attribute).</summary>
    public byte[] ToModel(int opset = 17)
    {
        var nodes = new List<NodeRecord>(_nodes);
        var outputs = new List<(string Name, OnnxElementType Type, object[] Dims)>(_outputs);
        if (Float16Boundary)
        {
            for (var i = 0; i < outputs.Count; i++)
            {
                if (outputs[i].Type != OnnxElementType.Float)
                {
                    continue;
                }

                // The graph computes "name" in fp32 under another name; a final Cast produces the fp16 output.
                var name = outputs[i].Name;
                var inner = Fresh(name + "_fp32");
                for (var n = 0; n < nodes.Count; n++)
                {
                    nodes[n] = nodes[n].Rename(name, inner);
                }

                nodes.Add(new NodeRecord("Cast", [inner], name, [OnnxAttribute.Int("to", (long)OnnxElementType.Float16)]));
                outputs[i] = (name, OnnxElementType.Float16, outputs[i].Dims);
            }
        }

        var graph = new ProtoMessage();
        nodes.ForEach(n => graph.Message(1, n.ToProto(Fresh("node"))));
        graph.String(2, _name);
        _initializers.ForEach(i => graph.Message(5, i));
        _inputs.ForEach(i => graph.Message(11, ValueInfo(i.Name, i.Type, i.Dims)));
        outputs.ForEach(o => graph.Message(12, ValueInfo(o.Name, o.Type, o.Dims)));
        return new ProtoMessage()
            .Varint(1, 8)
            .String(2, "GenAgent.Inference.TestModels")
            .Message(7, graph)
            .Message(8, new ProtoMessage().String(1, string.Empty).Varint(2, opset))
            .ToArray();
    }

    private string Initializer(string name, OnnxElementType type, byte[] raw, long[] dims)
    {
        var tensor = new ProtoMessage();
        foreach (var dim in dims)
        {
            tensor.Varint(1, dim);
        }

        _initializers.Add(tensor.Varint(2, (int)type).String(8, name).Bytes(9, raw));
        return name;
    }

    private static ProtoMessage ValueInfo(string name, OnnxElementType type, object[] dims)
    {
        var shape = new ProtoMessage();
        foreach (var dim in dims)
        {
            shape.Message(1, dim switch
            {
                int value => new ProtoMessage().Varint(1, value),
                long value => new ProtoMessage().Varint(1, value),
                string param => new ProtoMessage().String(2, param),
                _ => throw new ArgumentException($"Dimension {dim} must be an int or a string."),
            });
        }

        var tensorType = new ProtoMessage().Varint(1, (int)type).Message(2, shape);
        return new ProtoMessage().String(1, name).Message(2, new ProtoMessage().Message(1, tensorType));
    }

    private string Fresh(string prefix) => $"{prefix}_{_counter++}";

    private sealed record NodeRecord(string OpType, string[] Inputs, string Output, OnnxAttribute[] Attributes)
    {
        public NodeRecord Rename(string from, string to) => this with
        {
            Inputs = Inputs.Select(i => i == from ? to : i).ToArray(),
            Output = Output == from ? to : Output,
        };

        public ProtoMessage ToProto(string name)
        {
            var node = new ProtoMessage();
            foreach (var input in Inputs)
            {
                node.String(1, input);
            }

            node.String(2, Output).String(3, name).String(4, OpType);
            foreach (var attribute in Attributes)
            {
                node.Message(5, attribute.ToProto());
            }

            return node;
        }
    }
}
