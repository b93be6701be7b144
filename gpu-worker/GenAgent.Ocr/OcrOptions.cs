using System.ComponentModel.DataAnnotations;

namespace GenAgent.Ocr;

/// <summary>Tuning of the detection and recognition pipeline; the defaults are PaddleOCR's published ones.</summary>
public sealed class OcrOptions
{
    /// <summary>The longer image side is scaled down to this before detection (sides become multiples of 32).</summary>
    [Range(64, 4096)]
    public int MaxSide { get; set; } = 960;

    /// <summary>A probability-map pixel above this is text.</summary>
    [Range(0.01, 0.99)]
    public float BinaryThreshold { get; set; } = 0.3f;

    /// <summary>A box whose mean probability is below this is dropped.</summary>
    [Range(0.01, 0.99)]
    public float BoxThreshold { get; set; } = 0.6f;

    /// <summary>How far a detected (shrunk) text region is grown back: offset = area * ratio / perimeter.</summary>
    [Range(1.0, 4.0)]
    public float UnclipRatio { get; set; } = 1.5f;

    /// <summary>At most this many regions are taken from one probability map.</summary>
    [Range(1, 10_000)]
    public int MaxCandidates { get; set; } = 1000;

    /// <summary>Recognized lines with a lower mean character probability are dropped.</summary>
    [Range(0.0, 1.0)]
    public float MinTextConfidence { get; set; } = 0.5f;

    /// <summary>Line crops per recognizer (and classifier) run.</summary>
    [Range(1, 64)]
    public int RecognitionBatchSize { get; set; } = 6;

    /// <summary>Line crops are at most this wide after scaling to the recognizer's height of 48 (longer lines are squeezed).</summary>
    [Range(320, 4096)]
    public int MaxRecognitionWidth { get; set; } = 1600;

    /// <summary>Use the angle classifier (when its model is present) to turn upside-down lines.</summary>
    public bool UseAngleClassifier { get; set; } = true;

    /// <summary>A line is turned when the classifier says 180 degrees with at least this probability.</summary>
    [Range(0.5, 1.0)]
    public float AngleThreshold { get; set; } = 0.9f;

    /// <summary>Throws <see cref="ValidationException"/> naming the first out-of-range setting.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
