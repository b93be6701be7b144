namespace GenAgent.Sketch;

/// <summary>A half of the image (or, in a relation, the side of the reference object).</summary>
public enum SketchRegion
{
    None,
    Left,
    Right,
    Top,
    Bottom,
}
