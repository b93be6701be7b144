using GenAgent.Core.Sessions;
using GenAgent.Sketch;
using GenAgent.Core.Tools;

namespace GenAgent.Workflow.Tests.Orchestrations;

/// <summary>
/// The sketch generator, except that every call from candidate <paramref name="badCandidate"/> (recognized by its
/// seed range) draws a wrong scene, so that candidate can never satisfy the prompt.
/// </summary>
internal sealed class RiggedSketchGenerator(SeedPolicy basePolicy, int badCandidate, string wrongCaption) : IImageGenerator
{
    private readonly SketchGenerator _inner = new();

    public Task<GeneratedImage> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        var offset = request.Seed - basePolicy.ForCandidate(badCandidate).Base;
        var rigged = offset >= 0 && offset < SeedPolicy.CandidateStride;
        return _inner.GenerateAsync(rigged ? request with { Caption = wrongCaption } : request, cancellationToken);
    }
}
