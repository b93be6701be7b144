namespace GenAgent.Triggers.Blobs;

/// <summary>A request of a file that started nothing, and why. <see cref="Line"/> is 0 when the whole file is unusable.</summary>
public sealed record BrokenLine(int Line, string Reason);
