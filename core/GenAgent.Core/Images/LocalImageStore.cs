namespace GenAgent.Core.Images;

/// <summary>Stores images as files under a root folder; keys are relative paths.</summary>
public sealed class LocalImageStore(string rootPath) : IImageStore
{
    public string RootPath { get; } = Path.GetFullPath(rootPath);

    public async Task PutAsync(string key, ReadOnlyMemory<byte> data, string mediaType, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A reader (or a resumed session) must never see a half-written file, so write aside and move.
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, data, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<byte[]?> TryGetAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or PathTooLongException)
        {
            // A key too long for the file system names no file this store could have written.
            return null;
        }
    }

    public Uri? GetUrl(string key) => new(PathFor(key));

    /// <summary>The absolute file path of <paramref name="key"/>; throws when the key would leave the root.</summary>
    public string PathFor(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (Path.IsPathRooted(key) || key.Contains('\\', StringComparison.Ordinal))
            throw new ArgumentException($"Image key '{key}' must be a relative path with '/' separators.", nameof(key));
        var full = Path.GetFullPath(Path.Combine(RootPath, key.Replace('/', Path.DirectorySeparatorChar)));
        var root = RootPath.EndsWith(Path.DirectorySeparatorChar) ? RootPath : RootPath + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
            throw new ArgumentException($"Image key '{key}' points outside the store root.", nameof(key));
        return full;
    }
}
