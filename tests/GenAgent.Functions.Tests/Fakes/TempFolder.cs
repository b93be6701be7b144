namespace GenAgent.Functions.Tests.Fakes;

/// <summary>A folder under the system temp path, deleted with its contents on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("genagent-fn-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
