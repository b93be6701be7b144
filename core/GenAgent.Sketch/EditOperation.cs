namespace GenAgent.Sketch;

/// <summary>
/// One parsed edit. <see cref="Count"/> is how many to add or remove (null: all of them); <see cref="FromColor"/>
/// narrows which instances are touched; <see cref="Color"/> is the new or added color.
/// </summary>
public sealed record EditOperation(EditKind Kind, string Class, int? Count = null, string? Color = null, string? FromColor = null, SketchRegion Region = SketchRegion.None, SizeHint Size = SizeHint.None);
