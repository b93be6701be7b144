using System.Text;

namespace GenAgent.Sketch;

/// <summary>FNV-1a over UTF-8: a seed that, unlike string.GetHashCode, is the same in every process.</summary>
internal static class StableHash
{
    public static int Seed(string text, long seed)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (byte)(seed >> (i * 8))) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
