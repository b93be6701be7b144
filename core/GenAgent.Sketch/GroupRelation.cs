namespace GenAgent.Sketch;

/// <summary>"this group lies <see cref="Side"/> of group <see cref="ReferenceGroup"/>", compared by centers.</summary>
public sealed record GroupRelation(SketchRegion Side, int ReferenceGroup);
