using GenAgent.Ocr.Imaging;
using GenAgent.Ocr.Runtime;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace GenAgent.Ocr.Detection;

/// <summary>PaddleOCR's DB text detector: image in, text regions (in the image's coordinates) out.</summary>
internal sealed class TextDetector : IDisposable
{
    // ImageNet statistics, applied to the B, G, R planes in that order as PaddleOCR does.
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    private readonly ModelSession _model;
    private readonly OcrOptions _options;

    public TextDetector(string path, SessionOptions? sessionOptions, OcrOptions options)
    {
        _model = ModelSession.Open(path, sessionOptions, outputRank: 4);
        _options = options;
    }

    public string Path => _model.Path;

    public List<DetectedRegion> Detect(SKImage image, CancellationToken cancellationToken)
    {
        var (width, height) = InputSize(image.Width, image.Height, _options.MaxSide);
        using var resized = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(resized))
        {
            canvas.DrawImage(image, new SKRect(0, 0, width, height), Sampling);
        }

        var input = new float[3 * width * height];
        TensorWriter.WriteBgr(resized, input, width, height, Mean, Std);
        var (values, shape) = _model.Run(input, [1, 3, height, width], cancellationToken);
        if (shape.Length != 4 || shape[2] != height || shape[3] != width)
        {
            throw new OcrModelException($"OCR detector '{Path}' returned [{string.Join(",", shape)}] for a {width}x{height} input; expected [1,1,{height},{width}].");
        }

        return DbPostProcessor.Process(new ProbabilityMap(values, width, height), _options, image.Width, image.Height);
    }

    /// <summary>PaddleOCR's "max" limit: shrink so the longer side is at most <paramref name="maxSide"/>, then round each side to a multiple of 32 (at least 32).</summary>
    internal static (int Width, int Height) InputSize(int width, int height, int maxSide)
    {
        var longer = Math.Max(width, height);
        var ratio = longer > maxSide ? (float)maxSide / longer : 1f;
        static int Round32(float side) => Math.Max((int)MathF.Round(side / 32) * 32, 32);
        return (Round32(width * ratio), Round32(height * ratio));
    }

    public void Dispose() => _model.Dispose();
}
