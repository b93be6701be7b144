using GenAgent.Ocr.Detection;
using GenAgent.Ocr.Imaging;
using GenAgent.Ocr.Runtime;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace GenAgent.Ocr.Classification;

/// <summary>PaddleOCR's text-line direction classifier: says whether a straightened line reads upside down.</summary>
internal sealed class AngleClassifier : IDisposable
{
    private const int InputHeight = 48;
    private const int InputWidth = 192;
    private const int UpsideDown = 1;

    private static readonly float[] Mean = [0.5f, 0.5f, 0.5f];
    private static readonly float[] Std = [0.5f, 0.5f, 0.5f];

    private readonly ModelSession _model;
    private readonly OcrOptions _options;

    public AngleClassifier(string path, SessionOptions? sessionOptions, OcrOptions options)
    {
        _model = ModelSession.Open(path, sessionOptions, outputRank: 2);
        _options = options;
    }

    public string Path => _model.Path;

    /// <summary>The regions with upside-down ones turned 180 degrees, so the recognizer reads them the right way up.</summary>
    public TextQuad[] Orient(SKImage image, IReadOnlyList<TextQuad> quads, CancellationToken cancellationToken)
    {
        var oriented = quads.ToArray();
        var plane = 3 * InputHeight * InputWidth;
        foreach (var batch in Enumerable.Range(0, quads.Count).Chunk(_options.RecognitionBatchSize))
        {
            var input = new float[batch.Length * plane];
            for (var b = 0; b < batch.Length; b++)
            {
                var quad = quads[batch[b]];
                using var crop = LineCropper.Crop(image, quad, LineCropper.ScaledWidth(quad, InputHeight, InputWidth), InputHeight);
                TensorWriter.WriteBgr(crop, input.AsSpan(b * plane, plane), InputWidth, InputHeight, Mean, Std);
            }

            var (values, shape) = _model.Run(input, [batch.Length, 3, InputHeight, InputWidth], cancellationToken);
            if (shape.Length != 2 || shape[0] != batch.Length || shape[1] != 2)
            {
                throw new OcrModelException($"OCR classifier '{Path}' returned [{string.Join(",", shape)}]; expected [{batch.Length},2].");
            }

            for (var b = 0; b < batch.Length; b++)
            {
                if (values[(b * 2) + UpsideDown] >= _options.AngleThreshold)
                {
                    oriented[batch[b]] = quads[batch[b]].Turned180();
                }
            }
        }

        return oriented;
    }

    public void Dispose() => _model.Dispose();
}
