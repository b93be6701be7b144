namespace GenAgent.Core.Judging;

/// <summary>
/// Judges one image against a prompt or a benchmark checklist. Implementations: the offline <c>sketch</c> judge (it
/// reads the drawing's pixels); judges over a VLM endpoint plug in behind the same name-based choice.
/// </summary>
public interface IImageJudge
{
    /// <summary>The name <c>--judge</c> selects it by.</summary>
    string Name { get; }

    Task<ImageVerdict> JudgeAsync(byte[] image, JudgeRequest request, CancellationToken cancellationToken = default);
}
