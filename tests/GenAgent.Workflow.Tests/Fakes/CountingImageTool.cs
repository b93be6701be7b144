using System.Collections.Concurrent;
using GenAgent.Core.Tools;
using SkiaSharp;

namespace GenAgent.Workflow.Tests.Fakes;

/// <summary>A generator and editor that draws a small PNG, counts its calls, and fails on request.</summary>
internal sealed class CountingImageTool : IImageGenerator, IImageEditor
{
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly ConcurrentDictionary<int, Exception> _failAt = new();
    private int _calls;
    private int _generations;
    private int _edits;

    public int Generations => _generations;

    public int Edits => _edits;

    public ConcurrentBag<long> Seeds { get; } = [];

    /// <summary>How long each call takes: a slow GPU, for the tool-seconds budget.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The next calls throw these, in order, before calls succeed again.</summary>
    public void FailNext(params Exception[] failures)
    {
        foreach (var failure in failures) _failures.Enqueue(failure);
    }

    /// <summary>Call number <paramref name="call"/> (1-based, generations and edits together) throws <paramref name="failure"/>.</summary>
    public void FailCall(int call, Exception failure) => _failAt[call] = failure;

    public async Task<GeneratedImage> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _generations);
        Seeds.Add(request.Seed);
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
        return Draw(SKColors.SkyBlue);
    }

    public async Task<GeneratedImage> EditAsync(EditRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _edits);
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
        return Draw(SKColors.OrangeRed);
    }

    private GeneratedImage Draw(SKColor color)
    {
        var call = Interlocked.Increment(ref _calls);
        if (_failAt.TryRemove(call, out var planned)) throw planned;
        if (_failures.TryDequeue(out var failure)) throw failure;
        return new GeneratedImage(Png(color), 32, 32, 0.01m);
    }

    public static byte[] Png(SKColor color, int size = 32) => Png(color, size, size);

    public static byte[] Png(SKColor color, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
