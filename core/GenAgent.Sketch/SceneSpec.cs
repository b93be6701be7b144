namespace GenAgent.Sketch;

/// <summary>
/// What a caption asks for, plus how explicitly it says so: <see cref="Explicitness"/> runs from 0 (a loose
/// one-sentence prompt) to 1 (digit counts, one clause per group, regions named as image halves).
/// </summary>
public sealed record SceneSpec(IReadOnlyList<ObjectGroup> Groups, double Explicitness)
{
    public int TotalObjects => Groups.Sum(g => g.Count);
}
