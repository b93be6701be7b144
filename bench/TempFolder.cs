namespace GenAgent.Bench;

internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("genagent-bench-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
