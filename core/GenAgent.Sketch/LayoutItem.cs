namespace GenAgent.Sketch;

/// <summary>An object waiting for a place: which halves it must sit in and its scale (1 = fills its cell).</summary>
internal sealed record LayoutItem(SketchClass Class, string Color, SketchRegion Horizontal, SketchRegion Vertical, float Scale);
