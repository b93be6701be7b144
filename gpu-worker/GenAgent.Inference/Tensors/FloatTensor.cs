namespace GenAgent.Inference.Tensors;

/// <summary>A dense float tensor in row-major order; fp16 models convert at the ONNX boundary.</summary>
public sealed class FloatTensor
{
    public FloatTensor(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        var length = 1L;
        foreach (var dim in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dim);
            length *= dim;
        }

        if (length != data.Length)
        {
            throw new ArgumentException($"Shape [{string.Join(",", shape)}] needs {length} values, got {data.Length}.", nameof(data));
        }

        Data = data;
        Shape = shape;
    }

    public float[] Data { get; }

    public int[] Shape { get; }

    public int Length => Data.Length;

    /// <summary>Values per item of the first (batch) dimension.</summary>
    public int ItemLength => Shape.Length == 0 || Shape[0] == 0 ? 0 : Data.Length / Shape[0];

    public static FloatTensor Zeros(params int[] shape)
    {
        var length = 1;
        foreach (var dim in shape)
        {
            length *= dim;
        }

        return new FloatTensor(new float[length], shape);
    }

    public Span<float> Item(int index) => Data.AsSpan(index * ItemLength, ItemLength);

    /// <summary>Items <paramref name="start"/>..start+count of the batch dimension, copied.</summary>
    public FloatTensor SliceBatch(int start, int count)
    {
        var shape = (int[])Shape.Clone();
        shape[0] = count;
        return new FloatTensor(Data.AsSpan(start * ItemLength, count * ItemLength).ToArray(), shape);
    }

    /// <summary>Stacks tensors of the same item shape along the batch dimension.</summary>
    public static FloatTensor ConcatBatch(params FloatTensor[] parts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Length);
        var shape = (int[])parts[0].Shape.Clone();
        shape[0] = parts.Sum(p => p.Shape[0]);
        var data = new float[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.Data.CopyTo(data, offset);
            offset += part.Length;
        }

        return new FloatTensor(data, shape);
    }
}
