using GenAgent.Core.Images;
using GenAgent.Core.Judging;
using GenAgent.Core.Sessions;

namespace GenAgent.Core.Training.Rewards;

/// <summary>
/// Scores a finished trajectory for RL, from what its images show (never from what the agent said about them):
/// <list type="bullet">
/// <item>P, pointwise: the judge's value of the final image in [0, 1] (its score, or 1 for a pass and 0 for a fail); 0
/// without a final image.</item>
/// <item>Q, pairwise: the share of right decisions. After each image the agent either stopped (answered done: right when
/// the image passes the judge) or refined (called a tool: right when the next image beats this one by the pairwise
/// judge). Images after which the agent decided nothing (the image or turn budget ended the episode) count no
/// decision; Q is 0 when there is none.</item>
/// <item>F, format: 1 when any turn broke the protocol, else 0.</item>
/// </list>
/// <c>R = w_p * P + w_q * Q + w_f * F</c> with <see cref="RewardWeights"/> (default 0.7, 0.3, -0.2). Only the first
/// episode counts (what the prompt asked for); effort-high candidates are scored as trajectories of their own.
/// </summary>
public sealed class TrajectoryRewards(IImageJudge judge, IPairwiseImageJudge? pairwise = null, RewardWeights? weights = null)
{
    private readonly GradedPairwiseJudge _graded = new(judge);
    private readonly RewardWeights _weights = weights ?? RewardWeights.Default;

    // The default pairwise judge is the pointwise one, sharing its cache: each image is judged once.
    private IPairwiseImageJudge Pairwise => pairwise ?? _graded;
    /// <param name="images">The bytes of an image of the trajectory, by its reference; null when it is missing.</param>
    public async Task<RewardBreakdown> ScoreAsync(
        Trajectory trajectory, Func<ImageRef, CancellationToken, Task<byte[]?>> images, JudgeRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(images);
        var ask = request ?? new JudgeRequest(trajectory.Prompt);
        var turns = trajectory.Turns.Where(t => t.Episode == 1).OrderBy(t => t.Index).ToList();

        // The first episode's final image: with follow-ups the trajectory's final image belongs to the last episode.
        var final = trajectory.Turns.Any(t => t.Episode > 1) ? turns.LastOrDefault(t => t.Image is not null)?.Image : trajectory.FinalImage;
        var pointwise = 0.0;
        if (final is not null && await images(final, cancellationToken).ConfigureAwait(false) is { } finalBytes)
            pointwise = (await _graded.VerdictAsync(finalBytes, ask, cancellationToken).ConfigureAwait(false)).Value;

        var decisions = new List<RewardDecision>();
        var round = 0;
        for (var i = 0; i < turns.Count; i++)
        {
            if (turns[i].Image is not { } image) continue;
            round++;
            // The agent's next decision after seeing this image: the next turn that stopped or made an image.
            var next = turns.Skip(i + 1).FirstOrDefault(t => t.Kind is TurnKind.Done || t.Image is not null);
            if (next is null) continue;
            var bytes = await images(image, cancellationToken).ConfigureAwait(false)
                ?? throw new MissingTrajectoryImageException($"Image {round} of session {trajectory.SessionId} ({image.Key}) is missing.");
            if (next.Kind is TurnKind.Done)
            {
                var verdict = await _graded.VerdictAsync(bytes, ask, cancellationToken).ConfigureAwait(false);
                decisions.Add(new RewardDecision(round, "stop", verdict.Pass, verdict.Pass ? "the image passes" : $"stopped on a failing image ({Failed(verdict)})"));
                continue;
            }

            var later = await images(next.Image!, cancellationToken).ConfigureAwait(false)
                ?? throw new MissingTrajectoryImageException($"Image {round + 1} of session {trajectory.SessionId} ({next.Image!.Key}) is missing.");
            var improved = await Pairwise.ImprovesAsync(bytes, later, ask, cancellationToken).ConfigureAwait(false);
            decisions.Add(new RewardDecision(round, "refine", improved, improved ? $"image {round + 1} beats image {round}" : $"image {round + 1} is no better than image {round}"));
        }

        var pairwiseShare = decisions.Count == 0 ? 0 : (double)decisions.Count(d => d.Correct) / decisions.Count;
        var violation = turns.Any(t => t.Kind is TurnKind.ProtocolError);
        var total = (_weights.Pointwise * pointwise) + (_weights.Pairwise * pairwiseShare) + (violation ? _weights.Format : 0);
        return new RewardBreakdown(trajectory.SessionId, total, pointwise, pairwiseShare, violation, _weights, judge.Name, decisions);
    }

    private static string Failed(ImageVerdict verdict) =>
        string.Join("; ", verdict.Checks.Where(c => !c.Pass).Select(c => $"{c.Check}: expected {c.Expected}, found {c.Found}")) is { Length: > 0 } text ? text : "it fails";
}
