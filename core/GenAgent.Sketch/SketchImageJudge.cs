using GenAgent.Core.Judging;

namespace GenAgent.Sketch;

/// <summary>
/// The offline judge behind <c>--judge sketch</c>: the checklist comes from the benchmark line when given, otherwise it
/// is read from the prompt; the image is judged from its pixels by <see cref="SketchJudge"/>.
/// </summary>
public sealed class SketchImageJudge : IImageJudge
{
    public const string JudgeName = "sketch";

    public string Name => JudgeName;

    public Task<ImageVerdict> JudgeAsync(byte[] image, JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var checklist = request.Checklist is { } item ? Checklist.FromBenchmark(item) : Checklist.FromPrompt(request.Prompt);
        if (checklist.Groups.Count == 0)
        {
            throw new ArgumentException($"The prompt names no object of the sketch world's 80 classes, so there is nothing to check: \"{request.Prompt}\".", nameof(request));
        }

        var result = SketchJudge.Judge(image, checklist);
        return Task.FromResult(new ImageVerdict(result.Passed, result.Checks, JudgeName));
    }
}
