using SkiaSharp;

namespace GenAgent.Core.Sketch;

/// <summary>
/// The machine-readable tag drawn on every object: a row of cells [marker, 7 class-id bits, parity, marker] in
/// colors no palette color, blend or outline produces, drawn without anti-aliasing so they survive PNG exactly.
/// </summary>
internal static class CodeStrip
{
    public const int Cells = 10;
    public static readonly SKColor Marker = new(255, 1, 203);
    public static readonly SKColor Zero = new(1, 203, 255);
    public static readonly SKColor One = new(203, 255, 1);

    /// <summary>Cell width in pixels for an image whose shorter side is <paramref name="side"/>.</summary>
    public static int CellWidth(int side) => Math.Max(1, side / 220);

    public static int Height(int cell) => Math.Max(3, cell * 2);

    public static bool IsStripColor(SKColor c) => c == Marker || c == Zero || c == One;

    public static void Draw(SKCanvas canvas, int classId, float centerX, float centerY, int cell)
    {
        using var paint = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill };
        var height = Height(cell);
        var left = (int)Math.Round(centerX - (Cells * cell / 2.0));
        var top = (int)Math.Round(centerY - (height / 2.0));
        var parity = 0;
        for (var i = 0; i < Cells; i++)
        {
            SKColor color;
            if (i == 0 || i == Cells - 1)
            {
                color = Marker;
            }
            else if (i <= 7)
            {
                var bit = (classId >> (7 - i)) & 1;
                parity ^= bit;
                color = bit == 1 ? One : Zero;
            }
            else
            {
                color = parity == 1 ? One : Zero;
            }

            paint.Color = color;
            canvas.DrawRect(new SKRect(left + (i * cell), top, left + ((i + 1) * cell), top + height), paint);
        }
    }

    /// <summary>Reads a strip whose top-left marker pixel is at (x, y); null when the cells don't decode.</summary>
    public static (int ClassId, int Right, int Bottom)? TryRead(SKColor[] pixels, int width, int height, int x, int y)
    {
        var cell = 0;
        while (x + cell < width && pixels[(y * width) + x + cell] == Marker)
        {
            cell++;
        }

        if (cell == 0 || x + (Cells * cell) > width)
        {
            return null;
        }

        var id = 0;
        var parity = 0;
        for (var i = 1; i < Cells - 1; i++)
        {
            var pixel = pixels[(y * width) + x + (i * cell) + (cell / 2)];
            int bit;
            if (pixel == One)
            {
                bit = 1;
            }
            else if (pixel == Zero)
            {
                bit = 0;
            }
            else
            {
                return null;
            }

            if (i <= 7)
            {
                id = (id << 1) | bit;
                parity ^= bit;
            }
            else if (bit != parity)
            {
                return null;
            }
        }

        if (pixels[(y * width) + x + ((Cells - 1) * cell)] != Marker)
        {
            return null;
        }

        var bottom = y;
        while (bottom + 1 < height && pixels[((bottom + 1) * width) + x] == Marker)
        {
            bottom++;
        }

        return (id, x + (Cells * cell) - 1, bottom);
    }
}
