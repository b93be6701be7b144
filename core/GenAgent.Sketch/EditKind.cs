namespace GenAgent.Sketch;

/// <summary>What an edit instruction asks the sketch editor to do.</summary>
public enum EditKind
{
    Recolor,
    Add,
    Remove,
    Move,
    Resize,
}
