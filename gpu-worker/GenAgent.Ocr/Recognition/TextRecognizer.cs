using GenAgent.Ocr.Detection;
using GenAgent.Ocr.Imaging;
using GenAgent.Ocr.Runtime;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace GenAgent.Ocr.Recognition;

/// <summary>PaddleOCR's CTC line recognizer (PP-OCRv4 SVTR): straightened line crops in, text and confidence out.</summary>
internal sealed class TextRecognizer : IDisposable
{
    public const int InputHeight = 48;

    /// <summary>A batch is at least this wide (PaddleOCR's rec_image_shape 3,48,320); narrower crops are padded.</summary>
    public const int MinInputWidth = 320;

    // (x / 255 - 0.5) / 0.5: the [-1, 1] range the recognizer was trained on.
    private static readonly float[] Mean = [0.5f, 0.5f, 0.5f];
    private static readonly float[] Std = [0.5f, 0.5f, 0.5f];

    private readonly ModelSession _model;
    private readonly CharacterSet _characters;
    private readonly OcrOptions _options;

    public TextRecognizer(string modelPath, string keysPath, SessionOptions? sessionOptions, OcrOptions options)
    {
        _characters = CharacterSet.Load(keysPath);
        _model = ModelSession.Open(modelPath, sessionOptions, outputRank: 3);
        _options = options;
        var declared = _model.OutputDimensions[2];
        if (declared > 0 && declared != _characters.ClassCount)
        {
            _model.Dispose();
            throw new OcrModelException(
                $"OCR recognizer '{modelPath}' outputs {declared} classes but '{keysPath}' gives {_characters.ClassCount} (blank + keys + space); they must come from the same release.");
        }
    }

    public string Path => _model.Path;

    public int ClassCount => _characters.ClassCount;

    /// <summary>Reads every region; results are in the order of <paramref name="quads"/>.</summary>
    public (string Text, float Confidence)[] Recognize(SKImage image, IReadOnlyList<TextQuad> quads, CancellationToken cancellationToken)
    {
        var results = new (string Text, float Confidence)[quads.Count];

        // Similar aspect ratios share a batch, so little of each batch is padding (as PaddleOCR sorts).
        var order = Enumerable.Range(0, quads.Count)
            .OrderBy(i => quads[i].Width / MathF.Max(quads[i].Height, 1))
            .ToArray();
        foreach (var batch in order.Chunk(_options.RecognitionBatchSize))
        {
            var widths = batch.Select(i => LineCropper.ScaledWidth(quads[i], InputHeight, _options.MaxRecognitionWidth)).ToArray();
            var batchWidth = Math.Max(MinInputWidth, widths.Max());
            var plane = 3 * InputHeight * batchWidth;

            // Zero is mid-grey after normalization: the padding PaddleOCR uses.
            var input = new float[batch.Length * plane];
            for (var b = 0; b < batch.Length; b++)
            {
                using var crop = LineCropper.Crop(image, quads[batch[b]], widths[b], InputHeight);
                TensorWriter.WriteBgr(crop, input.AsSpan(b * plane, plane), batchWidth, InputHeight, Mean, Std);
            }

            var (values, shape) = _model.Run(input, [batch.Length, 3, InputHeight, batchWidth], cancellationToken);
            if (shape.Length != 3 || shape[0] != batch.Length || shape[2] != _characters.ClassCount)
            {
                throw new OcrModelException($"OCR recognizer '{Path}' returned [{string.Join(",", shape)}]; expected [{batch.Length},steps,{_characters.ClassCount}].");
            }

            var perLine = (int)(shape[1] * shape[2]);
            for (var b = 0; b < batch.Length; b++)
            {
                results[batch[b]] = CtcDecoder.Decode(values.AsSpan(b * perLine, perLine), (int)shape[2], _characters);
            }
        }

        return results;
    }

    public void Dispose() => _model.Dispose();
}
