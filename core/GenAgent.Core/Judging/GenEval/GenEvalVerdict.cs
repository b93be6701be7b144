using System.Text.Json;
using GenAgent.Core.Protocol;

namespace GenAgent.Core.Judging.GenEval;

/// <summary>The judge's JSON reply, <c>{"correct": 1|0, "reason": "..."}</c>, read as the official script reads it.</summary>
public sealed record GenEvalVerdict(bool Correct, string? Reason)
{
    /// <summary>
    /// The verdict in <paramref name="reply"/>: code fences and text around it are dropped (the first '{' to the last '}'),
    /// <c>correct</c> may be 1/0 or true/false. Null when there is none, which the benchmark counts as wrong.
    /// </summary>
    public static GenEvalVerdict? TryParse(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply) || TolerantJson.ParseObject(reply) is not { } root) return null;
        if (!root.TryGetProperty("correct", out var correct)) return null;
        bool? value = correct.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when correct.TryGetInt32(out var n) && n is 0 or 1 => n == 1,
            JsonValueKind.String when correct.GetString()?.Trim() is "1" or "0" => correct.GetString()!.Trim() == "1",
            _ => null,
        };
        var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        return value is { } v ? new GenEvalVerdict(v, reason) : null;
    }
}
