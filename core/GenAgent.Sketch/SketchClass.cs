namespace GenAgent.Sketch;

/// <summary>One drawable class: its COCO name, body aspect (width / height) and usual color.</summary>
internal sealed record SketchClass(string Name, float Aspect, string TypicalColor);
