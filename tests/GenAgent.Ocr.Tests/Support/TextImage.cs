using SkiaSharp;

namespace GenAgent.Ocr.Tests.Support;

/// <summary>Renders lines of text with SkiaSharp and remembers where each line's ink is.</summary>
internal sealed class TextImage
{
    private readonly List<(string Text, SKRect Bounds)> _lines = [];

    private TextImage(int width, int height, SKColor background)
    {
        Bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(Bitmap);
        canvas.Clear(background);
    }

    public SKBitmap Bitmap { get; }

    public IReadOnlyList<(string Text, SKRect Bounds)> Lines => _lines;

    /// <summary>
    /// The typeface the tests draw with: SkiaSharp's default (fontconfig's pick, DejaVu on Debian), or the DejaVu Sans
    /// file of Debian's fonts-dejavu-core when the default has no glyphs.
    /// </summary>
    public static SKTypeface Typeface { get; } = ChooseTypeface();

    public static TextImage Blank(int width, int height, SKColor background) => new(width, height, background);

    /// <summary>Draws <paramref name="text"/> with its left baseline at (x, y).</summary>
    public TextImage Draw(string text, float x, float y, float size, SKColor color)
    {
        using var font = new SKFont(Typeface, size) { Edging = SKFontEdging.Antialias };
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        using var canvas = new SKCanvas(Bitmap);
        canvas.DrawText(text, x, y, SKTextAlign.Left, font, paint);
        font.MeasureText(text, out var bounds, paint);
        bounds.Offset(x, y);
        _lines.Add((text, bounds));
        return this;
    }

    public byte[] Encode(SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 95)
    {
        using var data = Bitmap.Encode(format, quality);
        return data.ToArray();
    }

    private static SKTypeface ChooseTypeface()
    {
        if (SKTypeface.Default.GlyphCount > 0)
        {
            return SKTypeface.Default;
        }

        const string DejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        return SKTypeface.FromFile(DejaVu)
            ?? throw new InvalidOperationException($"No usable font: SkiaSharp's default typeface has no glyphs and {DejaVu} is missing (apt-get install fonts-dejavu-core).");
    }
}
