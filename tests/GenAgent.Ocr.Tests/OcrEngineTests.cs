using GenAgent.Ocr.Tests.Support;
using SkiaSharp;

namespace GenAgent.Ocr.Tests;

[Collection(OcrCollection.Name)]
public sealed class OcrEngineTests(OcrEngineFixture fixture)
{
    private readonly OcrEngine _engine = fixture.Engine;

    [Fact]
    public void Reads_two_lines_of_black_text_on_white_in_order()
    {
        var image = TextImage.Blank(640, 320, SKColors.White)
            .Draw("HELLO WORLD", 40, 110, 64, SKColors.Black)
            .Draw("Agent 2026", 40, 240, 64, SKColors.Black);

        var result = _engine.Read(image.Encode());

        Assert.Equal(2, result.Lines.Count);
        Assert.Equal("helloworld", Squash(result.Lines[0].Text));
        Assert.Equal("agent2026", Squash(result.Lines[1].Text));
        Assert.All(result.Lines, line => Assert.InRange(line.Confidence, 0.8f, 1f));
        Assert.Equal(result.Lines[0].Text + "\n" + result.Lines[1].Text, result.FullText);
    }

    [Fact]
    public void Boxes_contain_the_drawn_text_and_not_much_more()
    {
        var image = TextImage.Blank(640, 320, SKColors.White)
            .Draw("HELLO WORLD", 40, 110, 64, SKColors.Black)
            .Draw("Agent 2026", 40, 240, 64, SKColors.Black);

        var result = _engine.Read(image.Encode());

        Assert.Equal(2, result.Lines.Count);
        for (var i = 0; i < 2; i++)
        {
            var drawn = image.Lines[i].Bounds;
            var box = result.Lines[i].Box;
            Assert.Equal(4, box.Count);
            var (left, top) = (box.Min(p => p.X), box.Min(p => p.Y));
            var (right, bottom) = (box.Max(p => p.X), box.Max(p => p.Y));

            // The box holds the ink, give or take what the detector's probability map trims at the glyph edges
            // (a sixth of the line height), with at most a line's height of margin.
            var slack = drawn.Height / 6;
            var margin = drawn.Height;
            Assert.InRange(left, drawn.Left - margin, drawn.Left + slack);
            Assert.InRange(top, drawn.Top - margin, drawn.Top + slack);
            Assert.InRange(right, drawn.Right - slack, drawn.Right + margin);
            Assert.InRange(bottom, drawn.Bottom - slack, drawn.Bottom + margin);

            // Clockwise from the top left.
            Assert.True(box[0].X < box[1].X && box[1].Y < box[2].Y && box[2].X > box[3].X, $"box {string.Join(" ", box)} is not clockwise from the top left");
        }
    }

    [Fact]
    public void Reads_colored_text_on_a_colored_background()
    {
        var image = TextImage.Blank(600, 300, new SKColor(30, 60, 150))
            .Draw("Open Sesame", 30, 100, 56, new SKColor(255, 220, 40))
            .Draw("Door 42", 30, 220, 56, new SKColor(250, 250, 250));

        var result = _engine.Read(image.Encode());

        // The detector may split a line at a wide word gap; reading order keeps the words in sequence.
        Assert.Equal("opensesamedoor42", Squash(result.FullText));
        Assert.True(result.Lines.Count >= 2, $"expected at least one line per drawn line, got '{result.FullText}'");
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void Reads_jpeg_and_webp(SKEncodedImageFormat format)
    {
        var image = TextImage.Blank(480, 160, SKColors.White).Draw("Sunrise 7", 30, 100, 60, new SKColor(120, 20, 20));

        var result = _engine.Read(image.Encode(format, 90));

        Assert.Equal("sunrise7", Squash(result.FullText));
    }

    [Fact]
    public void Reads_an_upside_down_line_with_the_angle_classifier()
    {
        var image = TextImage.Blank(560, 200, SKColors.White).Draw("Upside Down", 40, 120, 64, SKColors.Black);
        using var turned = new SKBitmap(image.Bitmap.Info);
        using (var canvas = new SKCanvas(turned))
        {
            canvas.RotateDegrees(180, image.Bitmap.Width / 2f, image.Bitmap.Height / 2f);
            canvas.DrawBitmap(image.Bitmap, 0, 0);
        }

        using var png = turned.Encode(SKEncodedImageFormat.Png, 100);
        var result = _engine.Read(png.ToArray());
        using var withoutClassifier = OcrEngine.Load(OcrModels.Require(), ocrOptions: new OcrOptions { UseAngleClassifier = false });
        var unturned = withoutClassifier.Read(png.ToArray());

        // Lines are ordered by where they are on the page, so turned words come right to left.
        var read = Squash(result.FullText);
        Assert.Contains("upside", read, StringComparison.Ordinal);
        Assert.Contains("down", read, StringComparison.Ordinal);
        Assert.DoesNotContain("upside", Squash(unturned.FullText), StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_image_has_no_lines()
    {
        var result = _engine.Read(TextImage.Blank(256, 256, new SKColor(200, 230, 200)).Encode());

        Assert.Empty(result.Lines);
        Assert.Equal(string.Empty, result.FullText);
    }

    [Fact]
    public void Concurrent_reads_agree_with_a_single_read()
    {
        var images = new[]
        {
            TextImage.Blank(400, 140, SKColors.White).Draw("Alpha 1", 20, 90, 56, SKColors.Black).Encode(),
            TextImage.Blank(400, 140, SKColors.White).Draw("Bravo 2", 20, 90, 56, SKColors.DarkGreen).Encode(),
        };
        var expected = images.Select(i => _engine.Read(i).FullText).ToArray();

        var concurrent = new string[8];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => concurrent[i] = _engine.Read(images[i % 2]).FullText);

        Assert.Equal(["alpha1", "bravo2"], expected.Select(Squash).ToArray());
        for (var i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(expected[i % 2], concurrent[i]);
        }
    }

    [Fact]
    public void Undecodable_bytes_throw_InvalidImageException()
    {
        var ex = Assert.Throws<InvalidImageException>(() => _engine.Read("definitely not a png"u8.ToArray()));
        Assert.Contains("not an image", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidImageException>(() => _engine.Read([]));
    }

    [Fact]
    public void A_truncated_png_is_invalid_or_read_without_crashing()
    {
        var png = TextImage.Blank(300, 100, SKColors.White).Draw("Cut", 20, 70, 50, SKColors.Black).Encode();

        // Only the signature and part of the header: SkiaSharp cannot even size it.
        var ex = Assert.Throws<InvalidImageException>(() => _engine.Read(png[..20]));
        Assert.NotEmpty(ex.Message);
    }

    [Fact]
    public void A_cancelled_token_stops_the_read()
    {
        var png = TextImage.Blank(300, 100, SKColors.White).Draw("Stop", 20, 70, 50, SKColors.Black).Encode();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => _engine.Read(png, cancelled.Token));
    }

    private static string Squash(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
