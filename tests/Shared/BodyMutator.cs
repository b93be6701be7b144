using System.Text;

namespace GenAgent.Tests.Shared;

/// <summary>
/// Seeded mutations of a valid request body for the HTTP fuzz tests: byte flips, cut and duplicated spans, inserted
/// JSON punctuation, hostile values (huge numbers, deep nesting, control characters, invalid UTF-8), truncation.
/// The same seed gives the same sequence, so a failure reproduces.
/// </summary>
internal sealed class BodyMutator(int seed)
{
    private static readonly string[] Hostile =
    [
        "null", "true", "-1", "0", "1e309", "-9223372036854775809", "18446744073709551616", "\"\"", "\"\\u0000\"", "[]", "{}",
        "\"" + new string('x', 5000) + "\"", new string('[', 300) + new string(']', 300), "\"\\ud800\"", "NaN", "\"medium,high\"", "\"2\"",
        "{\"$ref\": \"#\"}", "\"../../etc/passwd\"", "\"data:text/plain;base64,AAAA\"", "\"%00\"",
    ];

    private static readonly byte[] Punctuation = "{}[]\",:\\\u0000\n\t'"u8.ToArray();

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public byte[] Mutate(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var rounds = 1 + _random.Next(3);
        for (var i = 0; i < rounds; i++) bytes = MutateOnce(bytes);
        return bytes;
    }

    private byte[] MutateOnce(byte[] bytes)
    {
        if (bytes.Length == 0) return Encoding.UTF8.GetBytes(Hostile[_random.Next(Hostile.Length)]);
        var at = _random.Next(bytes.Length);
        var list = bytes.ToList();
        switch (_random.Next(8))
        {
            case 0:
                list[at] = (byte)_random.Next(256);
                break;
            case 1:
                list.RemoveRange(at, Math.Min(1 + _random.Next(12), list.Count - at));
                break;
            case 2:
                list.Insert(at, Punctuation[_random.Next(Punctuation.Length)]);
                break;
            case 3:
                list.InsertRange(at, list.Skip(at).Take(1 + _random.Next(20)).ToList());
                break;
            case 4:
                return bytes[..at];
            case 5:
                // Replace the value after a colon with a hostile one.
                var colon = list.IndexOf((byte)':', at);
                if (colon < 0) goto case 2;
                var end = colon + 1;
                while (end < list.Count && list[end] is not ((byte)',' or (byte)'}')) end++;
                list.RemoveRange(colon + 1, end - colon - 1);
                list.InsertRange(colon + 1, Encoding.UTF8.GetBytes(Hostile[_random.Next(Hostile.Length)]));
                break;
            case 6:
                list.InsertRange(at, new byte[] { 0xC3, 0x28, 0xFF, 0xFE });
                break;
            default:
                // An extra member with a hostile value right after the opening brace.
                var brace = list.IndexOf((byte)'{');
                if (brace < 0) goto case 0;
                list.InsertRange(brace + 1, Encoding.UTF8.GetBytes($"\"{(char)('a' + _random.Next(26))}x\": {Hostile[_random.Next(Hostile.Length)]},"));
                break;
        }

        return list.ToArray();
    }

    /// <summary>A header value a hostile client might send: empty, huge, control characters, non-ASCII.</summary>
    public string HostileHeader() => _random.Next(5) switch
    {
        0 => "",
        1 => new string('k', 1 + _random.Next(4000)),
        2 => "key\twith\ttabs",
        3 => "k;e=y,\"w'ith\\odd",
        _ => Convert.ToBase64String(Encoding.UTF8.GetBytes(_random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture))),
    };

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
