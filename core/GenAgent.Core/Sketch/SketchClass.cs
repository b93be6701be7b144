namespace GenAgent.Core.Sketch;

/// <summary>One drawable class: its COCO name, code-strip id, shape family, body aspect (width / height) and usual color.</summary>
internal sealed record SketchClass(int Id, string Name, PictogramShape Shape, float Aspect, string TypicalColor);
