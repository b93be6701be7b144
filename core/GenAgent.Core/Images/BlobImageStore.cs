using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace GenAgent.Core.Images;

/// <summary>
/// Stores images as blobs in one container; keys are blob names. URLs are read-only SAS URLs when the client can sign
/// them (a connection string with the account key); without a key (Entra ID) there is none: the container is private,
/// so its plain URL would not download, and callers use their own image endpoint instead.
/// </summary>
public sealed class BlobImageStore(BlobContainerClient container) : IImageStore
{
    /// <summary>How long a URL from <see cref="GetUrl"/> stays valid.</summary>
    public static readonly TimeSpan UrlLifetime = TimeSpan.FromDays(1);

    private volatile bool _containerReady;

    public BlobContainerClient Container { get; } = container;

    public async Task PutAsync(string key, ReadOnlyMemory<byte> data, string mediaType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!_containerReady)
        {
            await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _containerReady = true;
        }
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = mediaType } };
        await Container.GetBlobClient(key).UploadAsync(BinaryData.FromBytes(data), options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<byte[]?> TryGetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        try
        {
            var result = await Container.GetBlobClient(key).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public Uri? GetUrl(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var blob = Container.GetBlobClient(key);
        return blob.CanGenerateSasUri
            ? blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(UrlLifetime))
            : null;
    }
}
