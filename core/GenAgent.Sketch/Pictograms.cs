using SkiaSharp;

namespace GenAgent.Sketch;

/// <summary>
/// One pictogram per COCO class: a silhouette with parts and cut-outs that tell it from every other class at any size
/// (<c>PictogramTests</c> checks that each one is a single connected shape that the recognizer tells apart from the
/// other 79). The body is filled in one palette color without anti-aliasing and outlined in ink.
/// </summary>
internal static class Pictograms
{
    private static readonly Dictionary<string, Glyph> Designs = new()
    {
        // Vehicles: wheels below, windows cut out.
        ["car"] = G().Rect(0, 0.38f, 1, 0.78f).Poly(0.2f, 0.4f, 0.32f, 0.08f, 0.7f, 0.08f, 0.82f, 0.4f).Disk(0.22f, 0.8f, 0.19f).Disk(0.78f, 0.8f, 0.19f).Cut.Rect(0.34f, 0.16f, 0.66f, 0.36f),
        ["bus"] = G().Round(0, 0.02f, 1, 0.82f).Disk(0.2f, 0.84f, 0.15f).Disk(0.8f, 0.84f, 0.15f).Cut.Rect(0.08f, 0.14f, 0.3f, 0.42f).Rect(0.39f, 0.14f, 0.61f, 0.42f).Rect(0.7f, 0.14f, 0.92f, 0.42f),
        ["truck"] = G().Rect(0, 0.02f, 0.64f, 0.78f).Round(0.6f, 0.3f, 1, 0.78f).Disk(0.18f, 0.82f, 0.17f).Disk(0.82f, 0.82f, 0.17f).Cut.Rect(0.72f, 0.38f, 0.92f, 0.55f),
        ["train"] = G().Round(0, 0.05f, 0.47f, 0.82f).Round(0.53f, 0.05f, 1, 0.82f).Rect(0.4f, 0.5f, 0.6f, 0.62f).Disk(0.1f, 0.86f, 0.13f).Disk(0.37f, 0.86f, 0.13f).Disk(0.63f, 0.86f, 0.13f).Disk(0.9f, 0.86f, 0.13f).Cut.Rect(0.08f, 0.18f, 0.39f, 0.42f).Rect(0.61f, 0.18f, 0.92f, 0.42f),
        ["bicycle"] = G().Disk(0.22f, 0.66f, 0.33f).Disk(0.78f, 0.66f, 0.33f).Poly(0.2f, 0.62f, 0.45f, 0.1f, 0.82f, 0.1f, 0.8f, 0.62f, 0.7f, 0.62f, 0.7f, 0.28f, 0.5f, 0.28f, 0.32f, 0.64f).Cut.Disk(0.22f, 0.66f, 0.2f).Disk(0.78f, 0.66f, 0.2f),
        ["motorcycle"] = G().Disk(0.2f, 0.7f, 0.29f).Disk(0.8f, 0.7f, 0.29f).Poly(0.15f, 0.55f, 0.3f, 0.25f, 0.75f, 0.25f, 0.9f, 0.05f, 1, 0.1f, 0.85f, 0.6f, 0.45f, 0.7f),
        ["skateboard"] = G().Round(0, 0.2f, 1, 0.55f).Disk(0.2f, 0.72f, 0.28f).Disk(0.8f, 0.72f, 0.28f),
        ["airplane"] = G().Round(0, 0.38f, 1, 0.62f).Poly(0.35f, 0.45f, 0.6f, 0.45f, 0.45f, 1, 0.3f, 1).Poly(0.35f, 0.55f, 0.6f, 0.55f, 0.45f, 0, 0.3f, 0).Poly(0.82f, 0.45f, 1, 0.45f, 1, 0.05f, 0.92f, 0.05f),
        ["boat"] = G().Poly(0, 0.62f, 1, 0.62f, 0.8f, 1, 0.2f, 1).Rect(0.46f, 0, 0.54f, 0.64f).Poly(0.54f, 0.05f, 0.54f, 0.56f, 0.95f, 0.56f),

        // Animals: body, head, legs, and what sets each apart (ears, neck, trunk, horns, stripes).
        ["dog"] = G().Oval(0.05f, 0.3f, 0.78f, 0.75f).Disk(0.8f, 0.28f, 0.2f).Poly(0.86f, 0.1f, 0.98f, 0.02f, 0.99f, 0.3f).Rect(0.14f, 0.6f, 0.24f, 1).Rect(0.56f, 0.6f, 0.66f, 1).Poly(0.08f, 0.45f, 0, 0.08f, 0.08f, 0.1f, 0.18f, 0.4f),
        ["cat"] = G().Oval(0.05f, 0.4f, 0.75f, 0.82f).Disk(0.78f, 0.38f, 0.2f).Poly(0.62f, 0.3f, 0.66f, 0, 0.78f, 0.22f).Poly(0.8f, 0.22f, 0.92f, 0, 0.96f, 0.3f).Rect(0.15f, 0.7f, 0.24f, 1).Rect(0.52f, 0.7f, 0.61f, 1).Poly(0.08f, 0.55f, 0, 0.1f, 0.06f, 0.08f, 0.18f, 0.5f).Cut.Disk(0.82f, 0.36f, 0.05f),
        ["horse"] = G().Oval(0.05f, 0.3f, 0.78f, 0.62f).Poly(0.6f, 0.4f, 0.8f, 0.05f, 0.92f, 0.08f, 0.76f, 0.48f).Oval(0.8f, 0, 1, 0.22f).Rect(0.1f, 0.5f, 0.17f, 1).Rect(0.25f, 0.5f, 0.32f, 1).Rect(0.52f, 0.5f, 0.59f, 1).Rect(0.64f, 0.5f, 0.71f, 1),
        ["sheep"] = G().Disk(0.2f, 0.4f, 0.22f).Disk(0.42f, 0.33f, 0.24f).Disk(0.62f, 0.4f, 0.22f).Oval(0.08f, 0.3f, 0.74f, 0.7f).Oval(0.72f, 0.25f, 1, 0.55f).Rect(0.2f, 0.6f, 0.28f, 1).Rect(0.5f, 0.6f, 0.58f, 1).Cut.Disk(0.9f, 0.36f, 0.05f),
        ["cow"] = G().Round(0.05f, 0.3f, 0.78f, 0.72f).Round(0.74f, 0.2f, 1, 0.55f).Poly(0.76f, 0.22f, 0.72f, 0, 0.82f, 0.2f).Poly(0.92f, 0.2f, 1, 0, 0.99f, 0.24f).Rect(0.1f, 0.6f, 0.18f, 1).Rect(0.62f, 0.6f, 0.7f, 1).Cut.Oval(0.2f, 0.38f, 0.42f, 0.58f).Oval(0.5f, 0.42f, 0.64f, 0.62f),
        ["elephant"] = G().Oval(0, 0.1f, 0.72f, 0.78f).Disk(0.76f, 0.3f, 0.24f).Poly(0.84f, 0.4f, 1, 0.4f, 1, 1, 0.92f, 1).Rect(0.1f, 0.6f, 0.22f, 1).Rect(0.48f, 0.6f, 0.6f, 1).Cut.Oval(0.62f, 0.18f, 0.76f, 0.44f),
        ["bear"] = G().Oval(0.02f, 0.25f, 0.78f, 0.85f).Disk(0.78f, 0.32f, 0.22f).Disk(0.68f, 0.1f, 0.09f).Disk(0.92f, 0.1f, 0.09f).Rect(0.1f, 0.7f, 0.24f, 1).Rect(0.55f, 0.7f, 0.69f, 1),
        ["zebra"] = G().Oval(0.05f, 0.28f, 0.78f, 0.66f).Poly(0.62f, 0.4f, 0.82f, 0.12f, 0.94f, 0.16f, 0.78f, 0.5f).Oval(0.82f, 0.05f, 1, 0.3f).Rect(0.12f, 0.5f, 0.2f, 1).Rect(0.56f, 0.5f, 0.64f, 1).Cut.Rect(0.22f, 0.34f, 0.28f, 0.6f).Rect(0.34f, 0.32f, 0.4f, 0.62f).Rect(0.46f, 0.34f, 0.52f, 0.6f),
        ["giraffe"] = G().Oval(0.02f, 0.45f, 0.7f, 0.7f).Poly(0.48f, 0.5f, 0.72f, 0.08f, 0.86f, 0.12f, 0.66f, 0.58f).Oval(0.7f, 0, 1, 0.14f).Rect(0.08f, 0.6f, 0.16f, 1).Rect(0.52f, 0.6f, 0.6f, 1).Cut.Disk(0.22f, 0.57f, 0.05f).Disk(0.42f, 0.57f, 0.05f),
        ["bird"] = G().Oval(0.1f, 0.3f, 0.75f, 0.78f).Disk(0.75f, 0.3f, 0.2f).Poly(0.88f, 0.22f, 1, 0.34f, 0.88f, 0.4f).Poly(0.15f, 0.5f, 0, 0.3f, 0, 0.62f).Rect(0.42f, 0.7f, 0.48f, 1).Cut.Disk(0.78f, 0.26f, 0.05f),
        ["teddy bear"] = G().Disk(0.5f, 0.24f, 0.2f).Disk(0.22f, 0.08f, 0.08f).Disk(0.78f, 0.08f, 0.08f).Oval(0.18f, 0.4f, 0.82f, 0.92f).Oval(0, 0.46f, 0.3f, 0.62f).Oval(0.7f, 0.46f, 1, 0.62f).Disk(0.3f, 0.9f, 0.1f).Disk(0.7f, 0.9f, 0.1f),
        ["person"] = G().Disk(0.5f, 0.12f, 0.12f).Round(0.18f, 0.21f, 0.82f, 0.64f).Rect(0.22f, 0.6f, 0.44f, 1).Rect(0.56f, 0.6f, 0.78f, 1).Rect(0, 0.28f, 0.2f, 0.36f).Rect(0.8f, 0.28f, 1, 0.36f),

        // Round things.
        ["sports ball"] = G().Disk(0.5f, 0.5f, 0.5f).Cut.Rect(0.2f, 0.44f, 0.8f, 0.56f).Rect(0.44f, 0.2f, 0.56f, 0.8f),
        ["apple"] = G().Disk(0.5f, 0.56f, 0.44f).Rect(0.46f, 0, 0.54f, 0.2f).Oval(0.56f, 0.02f, 0.86f, 0.16f),
        ["orange"] = G().Disk(0.5f, 0.5f, 0.5f).Cut.Disk(0.5f, 0.5f, 0.07f),
        ["donut"] = G().Disk(0.5f, 0.5f, 0.5f).Cut.Disk(0.5f, 0.5f, 0.26f),
        ["frisbee"] = G().Oval(0, 0, 1, 1).Cut.Oval(0.2f, 0.25f, 0.8f, 0.6f),
        ["clock"] = G().Disk(0.5f, 0.5f, 0.5f).Cut.Disk(0.5f, 0.5f, 0.36f).Add.Rect(0.45f, 0.1f, 0.55f, 0.55f).Rect(0.45f, 0.45f, 0.9f, 0.55f),
        ["computer mouse"] = G().Oval(0, 0.12f, 1, 1).Rect(0.45f, 0, 0.55f, 0.16f).Cut.Rect(0.46f, 0.24f, 0.54f, 0.46f).Rect(0.12f, 0.44f, 0.88f, 0.5f),

        // Signs and street furniture.
        ["stop sign"] = G().Poly(0.3f, 0, 0.7f, 0, 1, 0.21f, 1, 0.5f, 0.7f, 0.7f, 0.3f, 0.7f, 0, 0.5f, 0, 0.21f).Rect(0.44f, 0.66f, 0.56f, 1).Cut.Rect(0.16f, 0.29f, 0.84f, 0.41f),
        ["traffic light"] = G().Round(0, 0, 1, 1).Cut.Disk(0.5f, 0.18f, 0.1f).Disk(0.5f, 0.5f, 0.1f).Disk(0.5f, 0.82f, 0.1f),
        ["parking meter"] = G().Round(0, 0, 1, 0.42f).Rect(0.38f, 0.4f, 0.62f, 0.92f).Rect(0.15f, 0.9f, 0.85f, 1).Cut.Rect(0.2f, 0.1f, 0.8f, 0.26f),
        ["fire hydrant"] = G().TopHalf(0.12f, 0, 0.88f, 0.3f).Rect(0.18f, 0.28f, 0.82f, 0.88f).Rect(0, 0.4f, 1, 0.56f).Rect(0.08f, 0.86f, 0.92f, 1),
        ["kite"] = G().Poly(0.5f, 0, 1, 0.35f, 0.5f, 0.75f, 0, 0.35f).Rect(0.46f, 0.7f, 0.54f, 1).Poly(0.3f, 0.82f, 0.7f, 0.82f, 0.5f, 0.92f).Cut.Poly(0.5f, 0.12f, 0.78f, 0.35f, 0.5f, 0.6f, 0.22f, 0.35f),

        // Tall things.
        ["bottle"] = G().Round(0, 0.38f, 1, 1).Poly(0, 0.45f, 0.3f, 0.2f, 0.7f, 0.2f, 1, 0.45f).Rect(0.3f, 0, 0.7f, 0.24f),
        ["refrigerator"] = G().Round(0, 0, 1, 1).Cut.Rect(0.06f, 0.33f, 0.94f, 0.37f).Rect(0.78f, 0.1f, 0.86f, 0.26f).Rect(0.78f, 0.44f, 0.86f, 0.64f),
        ["tv remote"] = G().Round(0, 0, 1, 1).Cut.Rect(0.22f, 0.08f, 0.78f, 0.3f).Disk(0.5f, 0.55f, 0.09f),
        ["vase"] = G().Disk(0.5f, 0.64f, 0.36f).Rect(0.3f, 0.08f, 0.7f, 0.4f).Rect(0.1f, 0, 0.9f, 0.1f),
        ["wine glass"] = G().BottomHalf(0, 0, 1, 0.5f).Rect(0.44f, 0.48f, 0.56f, 0.92f).Rect(0.12f, 0.9f, 0.88f, 1).Cut.BottomHalf(0.16f, 0, 0.84f, 0.36f),
        ["toothbrush"] = G().Round(0, 0.55f, 1, 0.85f).Rect(0.72f, 0.05f, 0.96f, 0.6f).Cut.Rect(0.76f, 0.05f, 0.8f, 0.45f).Rect(0.86f, 0.05f, 0.9f, 0.45f),

        // Containers.
        ["cup"] = G().Poly(0, 0, 0.75f, 0, 0.66f, 1, 0.09f, 1).Oval(0.55f, 0.2f, 1, 0.72f).Cut.Oval(0.72f, 0.34f, 0.9f, 0.58f),
        ["bowl"] = G().BottomHalf(0, 0.16f, 1, 0.9f).Rect(0, 0.08f, 1, 0.24f).Rect(0.3f, 0.86f, 0.7f, 1),
        ["sink"] = G().Rect(0, 0.35f, 1, 1).Rect(0.44f, 0, 0.56f, 0.4f).Rect(0.44f, 0, 0.78f, 0.1f).Cut.Oval(0.12f, 0.48f, 0.88f, 0.88f),
        ["toilet"] = G().Rect(0, 0, 0.42f, 0.62f).Poly(0, 0.4f, 1, 0.4f, 0.8f, 0.72f, 0.62f, 0.78f, 0.66f, 1, 0.2f, 1, 0.24f, 0.78f, 0.1f, 0.7f).Cut.Rect(0.08f, 0.08f, 0.34f, 0.3f),

        // Furniture and appliances.
        ["chair"] = G().Rect(0, 0, 0.22f, 1).Rect(0, 0.5f, 1, 0.64f).Rect(0.82f, 0.5f, 1, 1),
        ["bench"] = G().Rect(0, 0.5f, 1, 0.66f).Rect(0, 0, 1, 0.3f).Rect(0, 0, 0.08f, 0.6f).Rect(0.92f, 0, 1, 0.6f).Rect(0.08f, 0.6f, 0.16f, 1).Rect(0.84f, 0.6f, 0.92f, 1).Cut.Rect(0.14f, 0.1f, 0.3f, 0.2f).Rect(0.42f, 0.1f, 0.58f, 0.2f).Rect(0.7f, 0.1f, 0.86f, 0.2f),
        ["couch"] = G().Round(0, 0.3f, 0.18f, 0.9f).Round(0.82f, 0.3f, 1, 0.9f).Round(0.1f, 0, 0.9f, 0.6f).Rect(0.1f, 0.55f, 0.9f, 0.9f).Rect(0.05f, 0.86f, 0.15f, 1).Rect(0.85f, 0.86f, 0.95f, 1),
        ["bed"] = G().Rect(0, 0, 0.14f, 1).Rect(0, 0.45f, 1, 0.78f).Rect(0.9f, 0.3f, 1, 1).Round(0.16f, 0.28f, 0.36f, 0.47f),
        ["dining table"] = G().Rect(0, 0, 1, 0.16f).Rect(0.08f, 0, 0.2f, 1).Rect(0.8f, 0, 0.92f, 1).Rect(0.08f, 0.3f, 0.92f, 0.38f),
        ["book"] = G().Rect(0, 0, 1, 1).Cut.Rect(0.14f, 0.08f, 0.22f, 0.92f).Rect(0.36f, 0.2f, 0.86f, 0.3f),
        ["cake"] = G().Rect(0, 0.55f, 1, 1).Rect(0.15f, 0.25f, 0.85f, 0.58f).Rect(0.46f, 0, 0.54f, 0.28f).Cut.Rect(0.08f, 0.72f, 0.92f, 0.78f),
        ["toaster"] = G().Round(0, 0.15f, 1, 1).Rect(0.88f, 0.4f, 1, 0.5f).Cut.Rect(0.15f, 0.15f, 0.4f, 0.3f).Rect(0.55f, 0.15f, 0.8f, 0.3f),
        ["microwave"] = G().Rect(0, 0, 1, 1).Cut.Rect(0.08f, 0.14f, 0.62f, 0.86f).Rect(0.72f, 0.14f, 0.9f, 0.3f).Rect(0.72f, 0.42f, 0.9f, 0.58f),
        ["oven"] = G().Rect(0, 0, 1, 1).Cut.Rect(0.12f, 0.34f, 0.88f, 0.84f).Disk(0.25f, 0.14f, 0.07f).Disk(0.5f, 0.14f, 0.07f).Disk(0.75f, 0.14f, 0.07f),
        ["laptop"] = G().Rect(0.1f, 0, 0.9f, 0.72f).Poly(0, 1, 0.08f, 0.72f, 0.92f, 0.72f, 1, 1).Cut.Rect(0.2f, 0.1f, 0.8f, 0.6f),
        ["tv"] = G().Rect(0, 0, 1, 0.82f).Rect(0.4f, 0.8f, 0.6f, 0.92f).Rect(0.2f, 0.9f, 0.8f, 1).Cut.Rect(0.08f, 0.1f, 0.92f, 0.72f),
        ["computer keyboard"] = G().Round(0, 0, 1, 1).Cut.Rect(0.06f, 0.18f, 0.2f, 0.42f).Rect(0.26f, 0.18f, 0.4f, 0.42f).Rect(0.46f, 0.18f, 0.6f, 0.42f).Rect(0.66f, 0.18f, 0.8f, 0.42f).Rect(0.24f, 0.58f, 0.76f, 0.82f),
        ["cell phone"] = G().Round(0, 0, 1, 1).Cut.Rect(0.12f, 0.1f, 0.88f, 0.8f).Disk(0.5f, 0.9f, 0.04f),

        // Long things.
        ["baseball bat"] = G().Poly(0.06f, 0.4f, 0.45f, 0.3f, 1, 0.1f, 1, 0.9f, 0.45f, 0.7f, 0.06f, 0.6f).Rect(0, 0.25f, 0.08f, 0.75f),
        ["knife"] = G().Round(0, 0.3f, 0.4f, 0.8f).Poly(0.38f, 0.2f, 0.9f, 0.2f, 1, 0.45f, 0.38f, 0.7f),
        ["fork"] = G().Round(0, 0.38f, 0.6f, 0.62f).Rect(0.55f, 0, 0.7f, 1).Rect(0.55f, 0, 1, 0.2f).Rect(0.55f, 0.4f, 1, 0.6f).Rect(0.55f, 0.8f, 1, 1),
        ["spoon"] = G().Round(0, 0.36f, 0.6f, 0.64f).Oval(0.5f, 0, 1, 1),
        ["skis"] = G().Round(0, 0, 0.94f, 0.3f).Round(0, 0.7f, 0.94f, 1).Rect(0.4f, 0.2f, 0.6f, 0.8f).Disk(0.93f, 0.15f, 0.15f).Disk(0.93f, 0.85f, 0.15f),
        ["snowboard"] = G().Round(0, 0, 1, 1).Cut.Rect(0.25f, 0.3f, 0.35f, 0.7f).Rect(0.65f, 0.3f, 0.75f, 0.7f),
        ["surfboard"] = G().Oval(0, 0, 1, 0.7f).Poly(0.2f, 0.6f, 0.32f, 0.6f, 0.22f, 1),
        ["carrot"] = G().Poly(0.2f, 0.2f, 1, 0.5f, 0.2f, 0.8f).Poly(0, 0, 0.25f, 0.4f, 0.25f, 0.6f, 0, 1, 0.1f, 0.5f),
        ["hot dog"] = G().Round(0, 0.38f, 1, 0.62f).Round(0.1f, 0.1f, 0.9f, 0.9f).Cut.Rect(0.22f, 0.28f, 0.78f, 0.36f),
        ["scissors"] = G().Disk(0.15f, 0.22f, 0.22f).Disk(0.15f, 0.78f, 0.22f).Poly(0.2f, 0.3f, 0.3f, 0.2f, 1, 0.7f, 0.95f, 0.8f).Poly(0.2f, 0.7f, 0.3f, 0.8f, 1, 0.3f, 0.95f, 0.2f).Cut.Disk(0.15f, 0.22f, 0.11f).Disk(0.15f, 0.78f, 0.11f),
        ["tie"] = G().Poly(0.15f, 0, 0.85f, 0, 0.65f, 0.16f, 0.35f, 0.16f).Poly(0.35f, 0.15f, 0.65f, 0.15f, 1, 0.8f, 0.5f, 1, 0, 0.8f),

        // Bags and carried things.
        ["backpack"] = G().Round(0, 0.15f, 1, 1).Rect(0.3f, 0, 0.7f, 0.2f).Cut.Rect(0.42f, 0.05f, 0.58f, 0.15f).Rect(0.2f, 0.58f, 0.8f, 0.64f),
        ["handbag"] = G().Poly(0.1f, 0.4f, 0.9f, 0.4f, 1, 1, 0, 1).TopHalf(0.22f, 0, 0.78f, 0.44f).Cut.TopHalf(0.32f, 0.12f, 0.68f, 0.42f),
        ["suitcase"] = G().Round(0, 0.18f, 1, 1).Rect(0.35f, 0, 0.65f, 0.2f).Cut.Rect(0.43f, 0.06f, 0.57f, 0.18f).Rect(0.3f, 0.3f, 0.36f, 0.9f).Rect(0.64f, 0.3f, 0.7f, 0.9f),
        ["baseball glove"] = G().Round(0.15f, 0.4f, 0.95f, 1).Round(0.15f, 0, 0.33f, 0.5f).Round(0.36f, 0, 0.54f, 0.5f).Round(0.57f, 0, 0.75f, 0.5f).Round(0.78f, 0.08f, 0.96f, 0.5f).Poly(0, 0.4f, 0.2f, 0.5f, 0.2f, 0.8f),
        ["hair drier"] = G().Round(0, 0, 1, 0.45f).Poly(0.15f, 0.4f, 0.4f, 0.4f, 0.45f, 1, 0.25f, 1).Cut.Disk(0.1f, 0.22f, 0.1f),
        ["umbrella"] = G().TopHalf(0, 0, 1, 0.5f).Rect(0.46f, 0.48f, 0.54f, 0.92f).Rect(0.3f, 0.88f, 0.54f, 1).Rect(0.3f, 0.78f, 0.38f, 1),
        ["tennis racket"] = G().Oval(0, 0, 1, 0.66f).Rect(0.42f, 0.6f, 0.58f, 1).Cut.Oval(0.14f, 0.08f, 0.86f, 0.58f),

        // Food and plants.
        ["banana"] = G().BottomHalf(0, 0, 1, 1).Cut.BottomHalf(0.12f, 0, 0.88f, 0.62f),
        ["sandwich"] = G().Poly(0, 1, 0.5f, 0, 1, 1).Cut.Rect(0.36f, 0.6f, 0.64f, 0.68f),
        ["pizza"] = G().Poly(0, 0, 1, 0, 0.5f, 1).Cut.Disk(0.35f, 0.25f, 0.09f).Disk(0.62f, 0.3f, 0.09f).Disk(0.5f, 0.58f, 0.08f),
        ["broccoli"] = G().Disk(0.25f, 0.32f, 0.25f).Disk(0.5f, 0.25f, 0.25f).Disk(0.75f, 0.32f, 0.25f).Rect(0.38f, 0.45f, 0.62f, 1),
        ["potted plant"] = G().Poly(0.15f, 0.6f, 0.85f, 0.6f, 0.72f, 1, 0.28f, 1).Oval(0.02f, 0, 0.48f, 0.62f).Oval(0.52f, 0, 0.98f, 0.62f),
    };

    /// <summary>Every class that has a pictogram; the vocabulary's test requires all 80.</summary>
    public static IEnumerable<string> Names => Designs.Keys;

    public static void Draw(SKCanvas canvas, SketchClass cls, SKRect box, SKColor color, int side)
    {
        using var body = Designs[cls.Name].Build(box);
        using var fill = new SKPaint { Color = color, IsAntialias = false, Style = SKPaintStyle.Fill };
        using var line = new SKPaint { Color = SketchColor.Ink, IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = OutlineWidth(side) };
        canvas.DrawPath(body, fill);
        canvas.DrawPath(body, line);
    }

    /// <summary>Outline width in pixels for an image whose shorter side is <paramref name="side"/>.</summary>
    public static float OutlineWidth(int side) => Math.Max(1, side / 256f);

    private static Glyph G() => new();
}
