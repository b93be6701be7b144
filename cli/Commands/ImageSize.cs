using System.Globalization;

namespace GenAgent.Cli.Commands;

/// <summary>The <c>--size WxH</c> flag.</summary>
internal readonly record struct ImageSize(int Width, int Height)
{
    public const int Min = 64;
    public const int Max = 4096;

    public static ImageSize Default { get; } = new(1024, 1024);

    public static bool TryParse(string text, out ImageSize size, out string error)
    {
        size = default;
        var parts = text.Split('x', 'X', '×');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            error = $"--size '{text}' is not WIDTHxHEIGHT, for example 1024x1024.";
            return false;
        }

        if (width is < Min or > Max || height is < Min or > Max)
        {
            error = $"--size '{text}': width and height must be between {Min} and {Max}.";
            return false;
        }

        size = new ImageSize(width, height);
        error = "";
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}");
}
