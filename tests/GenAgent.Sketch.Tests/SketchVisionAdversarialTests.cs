using SkiaSharp;

namespace GenAgent.Sketch.Tests;

/// <summary>
/// Images edited by hand, as a user would try the judge: it must follow what is drawn. Each case states its verdict;
/// the judge only ever gets the pixels.
/// </summary>
public sealed class SketchVisionAdversarialTests
{
    private const string Prompt = "two red clocks on the left and a blue bus on the right";
    private const string Caption = "Exactly 2 red clocks, in the left half of the image. Exactly 1 blue bus, in the right half of the image.";

    public static TheoryData<int> Sides => new() { 256, 512, 1024 };

    private static readonly Checklist Goal = Checklist.FromPrompt(Prompt);

    [Theory]
    [MemberData(nameof(Sides))]
    public void The_clean_render_passes(int side) => AssertVerdict(Scenes.Clean(Caption, side).Png, pass: true);

    [Theory]
    [MemberData(nameof(Sides))]
    public void An_erased_object_is_missing(int side)
    {
        var (png, objects) = Scenes.Clean(Caption, side);
        var clock = objects.First(o => o.Class.Name == "clock");
        var edited = Scenes.Edit(png, (canvas, _) => Scenes.Erase(canvas, Scenes.Around(clock, side)));

        var result = AssertVerdict(edited, pass: false);
        Assert.Contains(result.Issues, i => i.Kind == JudgeFailureKind.WrongCount && i.Class == "clock" && i.Found == 1);
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void A_recolored_object_has_the_wrong_color(int side)
    {
        var (png, objects) = Scenes.Clean(Caption, side);
        var bus = objects.Single(o => o.Class.Name == "bus");
        var edited = Scenes.Edit(png, (canvas, _) => Pictograms.Draw(canvas, bus.Class, bus.Body, SketchColor.Palette["green"], side));

        var result = AssertVerdict(edited, pass: false);
        Assert.Contains(result.Issues, i => i.Kind == JudgeFailureKind.WrongColor && i.Class == "bus" && i.FoundColor == "green");
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void A_mirrored_image_puts_everything_on_the_wrong_side(int side)
    {
        var (png, _) = Scenes.Clean(Caption, side);
        var mirrored = Scenes.Edit(png, (canvas, source) =>
        {
            canvas.Scale(-1, 1, source.Width / 2f, 0);
            canvas.DrawBitmap(source, 0, 0);
        });

        var result = AssertVerdict(mirrored, pass: false);
        Assert.Contains(result.Issues, i => i.Kind == JudgeFailureKind.WrongRegion && i.Class == "clock");
        Assert.Contains(result.Issues, i => i.Kind == JudgeFailureKind.WrongRegion && i.Class == "bus");
        Assert.DoesNotContain(result.Issues, i => i.Kind is JudgeFailureKind.WrongCount or JudgeFailureKind.Missing);
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void An_object_copied_into_empty_space_is_counted(int side)
    {
        var (png, objects) = Scenes.Clean(Caption, side);
        var clock = objects.First(o => o.Class.Name == "clock");
        var from = SKRectI.Round(Scenes.Around(clock, side));
        var edited = Scenes.Edit(png, (canvas, source) =>
        {
            var spot = Scenes.FreeSpot(source, from.Width, from.Height);
            canvas.DrawBitmap(source, from, SKRect.Create(spot.X, spot.Y, from.Width, from.Height));
        });

        var result = AssertVerdict(edited, pass: false);
        Assert.Contains(result.Issues, i => i.Kind == JudgeFailureKind.WrongCount && i.Class == "clock" && i.Found == 3);
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void Colored_blobs_at_the_objects_places_are_not_the_objects(int side)
    {
        var (_, objects) = Scenes.Clean(Caption, side);
        var blobs = Scenes.Edit(Scenes.Clean("nothing", side).Png, (canvas, _) =>
        {
            foreach (var o in objects)
            {
                using var paint = new SKPaint { Color = SketchColor.Palette[o.Color], IsAntialias = false };
                if (o.Class.Name == "bus")
                {
                    canvas.DrawRect(o.Body, paint);
                }
                else
                {
                    canvas.DrawOval(o.Body, paint);
                }
            }
        });

        var result = AssertVerdict(blobs, pass: false);
        Assert.DoesNotContain(result.Detected, d => d.Class is "clock" or "bus");
    }

    [Theory]
    [MemberData(nameof(Sides))]
    public void Erasing_the_labels_changes_nothing(int side)
    {
        var (png, objects) = Scenes.Clean(Caption, side);
        var edited = Scenes.Edit(png, (canvas, _) =>
        {
            foreach (var o in objects)
            {
                Scenes.Erase(canvas, Scenes.Label(o, side));
            }
        });

        Assert.NotEqual(png, edited);
        var before = SketchJudge.Judge(png, Goal);
        var after = AssertVerdict(edited, pass: true);
        Assert.Equal(before.Detected.Select(d => (d.Class, d.Color)), after.Detected.Select(d => (d.Class, d.Color)));
    }

    public static TheoryData<string, int> Degradations()
    {
        var data = new TheoryData<string, int>();
        foreach (var side in new[] { 256, 512, 1024 })
        {
            foreach (var name in new[] { "jpeg75", "jpeg90", "noise8", "half", "double", "channel+1" })
            {
                // The judge's range is 256-1024 px: halving is tried from 512 and 1024, doubling up to 1024.
                if (!(name == "double" && side == 1024) && !(name == "half" && side == 256))
                {
                    data.Add(name, side);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Degradations))]
    public void What_real_pipelines_do_to_images_keeps_the_verdict(string degradation, int side)
    {
        var (png, _) = Scenes.Clean(Caption, side);
        var degraded = degradation switch
        {
            "jpeg75" => ImageDegradation.Jpeg(png, 75),
            "jpeg90" => ImageDegradation.Jpeg(png, 90),
            "noise8" => ImageDegradation.Noise(png, 8, seed: side),
            "half" => ImageDegradation.Resize(png, 0.5),
            "double" => ImageDegradation.Resize(png, 2),
            "channel+1" => ShiftRed(png),
            _ => throw new ArgumentOutOfRangeException(nameof(degradation), degradation, "Unknown degradation."),
        };

        AssertVerdict(degraded, pass: true);
    }

    private static byte[] ShiftRed(byte[] png)
    {
        using var bitmap = SketchVision.Decode(png);
        var pixels = bitmap.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            var p = pixels[i];
            pixels[i] = new SKColor((byte)Math.Min(255, p.Red + 1), p.Green, p.Blue);
        }

        bitmap.Pixels = pixels;
        return ImageDegradation.Png(bitmap);
    }

    private static JudgeResult AssertVerdict(byte[] image, bool pass)
    {
        var result = SketchJudge.Judge(image, Goal);
        var seen = string.Join(", ", result.Detected.Select(d => $"{d.Color} {d.Class} @{d.Box}"));
        Assert.True(result.Passed == pass, $"expected {(pass ? "pass" : "fail")}; issues: {string.Join("; ", result.Failures)}; saw {seen}");
        return result;
    }
}
