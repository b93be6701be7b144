using SkiaSharp;

namespace GenAgent.Sketch;

/// <summary>One object to draw: its class, palette color name and body rectangle (the label goes below it).</summary>
internal sealed record SceneObject(SketchClass Class, string Color, SKRect Body)
{
    /// <summary>The body plus the label band below it: what must not overlap another object.</summary>
    public SKRect Footprint(int imageSide) => new(Body.Left, Body.Top, Body.Right, Body.Bottom + SceneRenderer.LabelBand(Body, imageSide));
}
