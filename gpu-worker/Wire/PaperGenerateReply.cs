namespace GenAgent.GpuWorker.Wire;

/// <summary><c>{"status": "success", "images": ["base64 PNG", ...]}</c>, the reference server's reply.</summary>
internal sealed record PaperGenerateReply(string Status, IReadOnlyList<string> Images);
