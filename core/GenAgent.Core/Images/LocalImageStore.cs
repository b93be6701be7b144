namespace GenAgent.Core.Images;

/// <summary>Stores images as files under a root folder; keys are relative paths.</summary>
public sealed class LocalImageStore(string rootPath) : IImageStore
{
    public string RootPath { get; } = Path.GetFullPath(rootPath);

    public Task PutAsync(string key, ReadOnlyMemory<byte> data, string mediaType, CancellationToken cancellationToken = default) => throw new NotImplementedException("workflow helper");

    public Task<byte[]?> TryGetAsync(string key, CancellationToken cancellationToken = default) => throw new NotImplementedException("workflow helper");

    public Uri? GetUrl(string key) => throw new NotImplementedException("workflow helper");
}
