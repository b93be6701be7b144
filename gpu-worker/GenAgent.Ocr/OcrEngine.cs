using System.Diagnostics;
using GenAgent.Ocr.Classification;
using GenAgent.Ocr.Detection;
using GenAgent.Ocr.Imaging;
using GenAgent.Ocr.Recognition;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace GenAgent.Ocr;

/// <summary>
/// Reads text in images with PaddleOCR's published pipeline: DB detection, optional 0/180 degree line
/// classification, CTC recognition. Safe for concurrent <see cref="Read"/> calls: the ONNX Runtime sessions are
/// shared and every call keeps its own buffers.
/// </summary>
public sealed class OcrEngine : IDisposable
{
    private const float VerticalAspect = 1.5f;

    private readonly TextDetector _detector;
    private readonly AngleClassifier? _classifier;
    private readonly TextRecognizer _recognizer;
    private readonly OcrOptions _options;
    private readonly ILogger _logger;

    private OcrEngine(TextDetector detector, AngleClassifier? classifier, TextRecognizer recognizer, OcrOptions options, ILogger logger)
    {
        _detector = detector;
        _classifier = classifier;
        _recognizer = recognizer;
        _options = options;
        _logger = logger;
    }

    /// <summary>Loads the models.</summary>
    /// <param name="paths">The model files, e.g. from <see cref="OcrModelPaths.FromFolder"/>.</param>
    /// <param name="options">Session options, e.g. the host's provider policy (CUDA or CPU); ONNX Runtime's defaults when null. Not disposed here.</param>
    /// <param name="ocrOptions">Pipeline thresholds and sizes; PaddleOCR's defaults when null.</param>
    /// <param name="logger">Where load and per-image figures go.</param>
    /// <exception cref="OcrModelException">A file is missing or not the model it should be; the message names it.</exception>
    public static OcrEngine Load(OcrModelPaths paths, SessionOptions? options = null, OcrOptions? ocrOptions = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ocrOptions ??= new OcrOptions();
        ocrOptions.Validate();
        logger ??= NullLogger.Instance;

        // The recognizer first: it checks the keys file against the model, the likeliest mismatch, before the rest loads.
        TextRecognizer? recognizer = null;
        AngleClassifier? classifier = null;
        try
        {
            recognizer = new TextRecognizer(paths.Recognition, paths.Keys, options, ocrOptions);
            if (paths.Classifier is not null && ocrOptions.UseAngleClassifier)
            {
                classifier = new AngleClassifier(paths.Classifier, options, ocrOptions);
            }

            var detector = new TextDetector(paths.Detection, options, ocrOptions);
            Logs.ModelsLoaded(logger, detector.Path, recognizer.Path, recognizer.ClassCount, classifier?.Path ?? "none");
            return new OcrEngine(detector, classifier, recognizer, ocrOptions, logger);
        }
        catch
        {
            recognizer?.Dispose();
            classifier?.Dispose();
            throw;
        }
    }

    /// <summary>Finds and reads the text lines in an encoded image.</summary>
    /// <exception cref="InvalidImageException">The bytes are not a decodable image, or it is too large.</exception>
    public OcrResult Read(byte[] encodedImage, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        using var bitmap = ImageLoader.Decode(encodedImage);
        using var image = SKImage.FromBitmap(bitmap);
        ct.ThrowIfCancellationRequested();

        var regions = _detector.Detect(image, ct);
        var quads = regions.Select(r => r.Quad).ToArray();

        // A region much taller than wide is a vertical line: read it turned, as PaddleOCR does.
        var upright = quads.Select(q => q.Height >= VerticalAspect * q.Width ? q.TurnedCounterclockwise() : q).ToArray();
        var reading = _classifier is null ? upright : _classifier.Orient(image, upright, ct);
        var texts = _recognizer.Recognize(image, reading, ct);

        var lines = new List<(OcrLine Line, TextQuad Quad)>();
        for (var i = 0; i < quads.Length; i++)
        {
            var (text, confidence) = texts[i];
            if (text.Trim().Length > 0 && confidence >= _options.MinTextConfidence)
            {
                lines.Add((new OcrLine(text, confidence, quads[i].ToPoints()), quads[i]));
            }
        }

        var ordered = ReadingOrder.Sort(lines, l => l.Quad).Select(l => l.Line).ToList();
        Logs.ImageRead(_logger, bitmap.Width, bitmap.Height, regions.Count, ordered.Count, clock.ElapsedMilliseconds);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            for (var i = 0; i < ordered.Count; i++)
            {
                Logs.LineRead(_logger, i, ordered[i].Text, ordered[i].Confidence);
            }
        }

        return new OcrResult(ordered);
    }

    public void Dispose()
    {
        _detector.Dispose();
        _classifier?.Dispose();
        _recognizer.Dispose();
    }
}
