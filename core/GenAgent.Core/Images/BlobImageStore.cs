using Azure.Storage.Blobs;

namespace GenAgent.Core.Images;

/// <summary>Stores images as blobs in one container; keys are blob names. URLs are read-only SAS URLs when the client can sign them.</summary>
public sealed class BlobImageStore(BlobContainerClient container) : IImageStore
{
    public BlobContainerClient Container { get; } = container;

    public Task PutAsync(string key, ReadOnlyMemory<byte> data, string mediaType, CancellationToken cancellationToken = default) => throw new NotImplementedException("workflow helper");

    public Task<byte[]?> TryGetAsync(string key, CancellationToken cancellationToken = default) => throw new NotImplementedException("workflow helper");

    public Uri? GetUrl(string key) => throw new NotImplementedException("workflow helper");
}
