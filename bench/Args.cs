namespace GenAgent.Bench;

internal static class Args
{
    public static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value < 1)
            throw new ArgumentException($"{name} needs a positive whole number.");
        return value;
    }
}
