using GenAgent.Inference.Models;
using GenAgent.Inference.Runtime;
using GenAgent.Inference.Tensors;
using GenAgent.Inference.TextEncoders;
using GenAgent.Inference.Tokenizers;

namespace GenAgent.Inference.Judges;

/// <summary>CLIP score: 100 * cos(image_embeds, text_embeds) from a vision and a text encoder with projection heads.</summary>
public sealed class ClipJudge : IDisposable
{
    private readonly OnnxComponent _vision;
    private readonly OnnxComponent _textComponent;
    private readonly TextEncoder _text;

    private ClipJudge(ModelManifest manifest, OnnxComponent vision, OnnxComponent text, ClipTokenizer tokenizer)
    {
        Manifest = manifest;
        _vision = vision;
        _textComponent = text;
        _text = new TextEncoder(text, tokenizer.Encode, "text_embeds");
    }

    public ModelManifest Manifest { get; }

    public string Name => Manifest.Name;

    public static ClipJudge Load(ModelManifest manifest, OrtSessionFactory factory)
    {
        ModelManifest.RequireKind(manifest, ModelKind.Clip);
        var tokenizer = ClipTokenizer.Load(manifest);
        var text = OnnxComponent.Load(manifest, ComponentSchema.TextEncoder, factory);
        try
        {
            var vision = OnnxComponent.Load(manifest, ComponentSchema.VisionEncoder, factory);
            return new ClipJudge(manifest, vision, text, tokenizer);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>One score per (image, text) pair, in order; images are PNG, JPEG or WebP bytes.</summary>
    public Task<IReadOnlyList<float>> ScoreAsync(IReadOnlyList<(byte[] Image, string Text)> pairs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return Task.Run<IReadOnlyList<float>>(
            () =>
            {
                var scores = new List<float>(pairs.Count);
                foreach (var chunk in pairs.Chunk(Manifest.Constants.MaxBatch))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    scores.AddRange(ScoreBatch(chunk));
                }

                return scores;
            },
            cancellationToken);
    }

    /// <summary>One score of a small grey image, so the first request does not pay for session initialisation.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) =>
        ScoreAsync([(Images.ImageTensors.ToPng(new float[3 * 8 * 8], 8, 8), "warm up")], cancellationToken);

    private float[] ScoreBatch(IReadOnlyList<(byte[] Image, string Text)> pairs)
    {
        var size = ClipPreprocessor.Size;
        var pixels = pairs.SelectMany(p => ClipPreprocessor.Preprocess(p.Image)).ToArray();
        var images = _vision.Run([new("pixel_values", new FloatTensor(pixels, pairs.Count, 3, size, size))], "image_embeds")[0];
        var texts = _text.Encode(pairs.Select(p => p.Text).ToArray());
        return Enumerable.Range(0, pairs.Count).Select(i => 100f * Cosine(images.Item(i), texts.Item(i))).ToArray();
    }

    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Embeddings differ in size ({a.Length} vs {b.Length}).");
        }

        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }

        return na == 0 || nb == 0 ? 0f : (float)(dot / Math.Sqrt(na * nb));
    }

    public void Dispose()
    {
        _vision.Dispose();
        _textComponent.Dispose();
    }
}
