namespace GenAgent.GpuWorker.Wire;

/// <summary><c>GET /v1/models</c> in OpenAI's list shape.</summary>
internal sealed record ModelList(string Object, IReadOnlyList<ModelEntry> Data);

internal sealed record ModelEntry(string Id, string Object, long Created, string OwnedBy);
