namespace GenAgent.Triggers.Blobs;

/// <summary>
/// One request of a file and its session. <see cref="Line"/> is the 1-based line of a JSONL file, or the 1-based
/// item of a JSON array (1 for a single object). <see cref="IsNew"/> is false when an earlier run already started it.
/// </summary>
public sealed record RequestLine(int Line, string SessionId, bool IsNew);
