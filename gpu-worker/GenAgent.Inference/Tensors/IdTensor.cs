namespace GenAgent.Inference.Tensors;

/// <summary>Token ids [batch, length]; converted to the int32 or int64 the model declares.</summary>
public sealed record IdTensor(long[] Data, int Batch, int Length)
{
    public static IdTensor FromRows(IReadOnlyList<long[]> rows)
    {
        ArgumentOutOfRangeException.ThrowIfZero(rows.Count);
        var length = rows[0].Length;
        var data = new long[rows.Count * length];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != length)
            {
                throw new ArgumentException("Token rows must have the same length.", nameof(rows));
            }

            rows[i].CopyTo(data, i * length);
        }

        return new IdTensor(data, rows.Count, length);
    }
}
