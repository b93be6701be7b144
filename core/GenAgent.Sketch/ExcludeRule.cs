namespace GenAgent.Sketch;

/// <summary>The image fails when it shows <see cref="MinCount"/> or more objects of <see cref="Class"/>.</summary>
public sealed record ExcludeRule(string Class, int MinCount);
