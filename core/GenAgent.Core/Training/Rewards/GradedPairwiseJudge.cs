using System.Collections.Concurrent;
using GenAgent.Core.Judging;

namespace GenAgent.Core.Training.Rewards;

/// <summary>
/// A pairwise judgment from a pointwise judge: the later image improves when its graded value is strictly higher (the
/// judge's own score when it grades, else the share of its checks that pass). Verdicts are cached per image, so scoring
/// a trajectory judges each image once.
/// </summary>
public sealed class GradedPairwiseJudge(IImageJudge judge) : IPairwiseImageJudge
{
    private readonly ConcurrentDictionary<(string Hash, string Prompt), ImageVerdict> _verdicts = new();

    public string Name => $"graded-{judge.Name}";

    public async Task<bool> ImprovesAsync(byte[] earlier, byte[] later, JudgeRequest request, CancellationToken cancellationToken = default)
    {
        var before = await VerdictAsync(earlier, request, cancellationToken).ConfigureAwait(false);
        var after = await VerdictAsync(later, request, cancellationToken).ConfigureAwait(false);
        return Graded(after) > Graded(before);
    }

    /// <summary>The pointwise verdict on <paramref name="image"/>, judged once.</summary>
    public async Task<ImageVerdict> VerdictAsync(byte[] image, JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(request);
        var key = (Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(image)), request.Prompt);
        if (_verdicts.TryGetValue(key, out var known)) return known;
        var verdict = await judge.JudgeAsync(image, request, cancellationToken).ConfigureAwait(false);
        return _verdicts.GetOrAdd(key, verdict);
    }

    /// <summary>The judge's score, else the share of checks passed, else pass = 1 and fail = 0.</summary>
    public static double Graded(ImageVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.Score is { } score) return score;
        return verdict.Checks.Count > 0 ? (double)verdict.Checks.Count(c => c.Pass) / verdict.Checks.Count : verdict.Value;
    }
}
