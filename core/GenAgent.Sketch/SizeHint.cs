namespace GenAgent.Sketch;

/// <summary>Relative size of a group against the other sized group.</summary>
public enum SizeHint
{
    None,
    Larger,
    Smaller,
}
