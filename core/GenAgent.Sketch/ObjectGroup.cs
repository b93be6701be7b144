namespace GenAgent.Sketch;

/// <summary>One group of identical objects in a scene spec or checklist: "3 blue clocks in the left half".</summary>
public sealed record ObjectGroup(string Class, int Count, string? Color = null, SketchRegion Region = SketchRegion.None, SizeHint Size = SizeHint.None, GroupRelation? Relation = null)
{
    /// <summary>"3 blue clocks", "1 clock".</summary>
    public string Describe(int? count = null)
    {
        var n = count ?? Count;
        var color = Color is null ? string.Empty : Color + " ";
        return $"{n} {color}{SketchVocabulary.Phrase(Class, n)}";
    }
}
