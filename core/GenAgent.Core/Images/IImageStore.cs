namespace GenAgent.Core.Images;

/// <summary>Where images and trajectories live: a local folder or an Azure Blob container.</summary>
public interface IImageStore
{
    /// <summary>Writes bytes under <paramref name="key"/>, replacing what was there.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> data, string mediaType, CancellationToken cancellationToken = default);

    /// <summary>The bytes under <paramref name="key"/>, or null when nothing is stored there.</summary>
    Task<byte[]?> TryGetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>A URL a person or a model can open (a file URI locally, a SAS URL on Blob), or null.</summary>
    Uri? GetUrl(string key);
}
