namespace GenAgent.Sketch;

/// <summary>Binary erosion and dilation with a square window, each as two separable passes.</summary>
internal static class Morphology
{
    /// <summary>Erosion then dilation: removes every stroke thinner than 2r+1 pixels and keeps solid shapes.</summary>
    public static bool[] Open(bool[] mask, int width, int height, int r) =>
        Pass(Pass(Pass(Pass(mask, width, height, r, horizontal: true, keep: true), width, height, r, horizontal: false, keep: true),
            width, height, r, horizontal: true, keep: false), width, height, r, horizontal: false, keep: false);

    /// <summary>One 1-D pass: with <paramref name="keep"/> a pixel stays set only when its whole window is set (erosion), otherwise when any is (dilation).</summary>
    private static bool[] Pass(bool[] mask, int width, int height, int r, bool horizontal, bool keep)
    {
        var result = new bool[mask.Length];
        var (lines, length) = horizontal ? (height, width) : (width, height);
        for (var line = 0; line < lines; line++)
        {
            int At(int k) => horizontal ? (line * width) + k : (k * width) + line;

            // Count of set pixels in the window, slid along the line.
            var set = 0;
            for (var k = 0; k < Math.Min(r, length); k++)
            {
                set += mask[At(k)] ? 1 : 0;
            }

            for (var k = 0; k < length; k++)
            {
                if (k + r < length)
                {
                    set += mask[At(k + r)] ? 1 : 0;
                }

                if (k - r - 1 >= 0)
                {
                    set -= mask[At(k - r - 1)] ? 1 : 0;
                }

                var window = Math.Min(length - 1, k + r) - Math.Max(0, k - r) + 1;
                result[At(k)] = keep ? set == window && mask[At(k)] : set > 0;
            }
        }

        return result;
    }
}
