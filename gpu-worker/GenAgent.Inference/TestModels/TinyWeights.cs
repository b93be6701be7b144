namespace GenAgent.Inference.TestModels;

/// <summary>The deterministic weights the tiny models are built from, public so tests can compute the expected images by hand.</summary>
public static class TinyWeights
{
    /// <summary>Rows of every tiny embedding table; token ids are taken modulo this.</summary>
    public const int EmbeddingRows = 64;

    /// <summary>Width of every tiny text hidden state.</summary>
    public const int Hidden = 8;

    /// <summary>Row (id mod 64), column j of the token embedding table shared by the tiny CLIP and T5 encoders.</summary>
    public static float Embedding(long id, int j) => 0.5f * MathF.Sin((0.37f * (id % EmbeddingRows)) + (1.3f * j) + 0.1f);

    public static float[] EmbeddingTable()
    {
        var table = new float[EmbeddingRows * Hidden];
        for (var k = 0; k < EmbeddingRows; k++)
        {
            for (var j = 0; j < Hidden; j++)
            {
                table[(k * Hidden) + j] = Embedding(k, j);
            }
        }

        return table;
    }

    /// <summary>Mean over the row of each embedding column (what the tiny encoders pool).</summary>
    public static float[] MeanEmbedding(IReadOnlyList<long> ids)
    {
        var mean = new float[Hidden];
        foreach (var id in ids)
        {
            for (var j = 0; j < Hidden; j++)
            {
                mean[j] += Embedding(id, j);
            }
        }

        for (var j = 0; j < Hidden; j++)
        {
            mean[j] /= ids.Count;
        }

        return mean;
    }

    public static float[] Table(int rows, int cols, Func<int, int, float> value)
    {
        var table = new float[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                table[(r * cols) + c] = value(r, c);
            }
        }

        return table;
    }
}
