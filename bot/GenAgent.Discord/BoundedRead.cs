namespace GenAgent.Discord;

/// <summary>Reads a stream to its end without ever buffering more than a limit (a missing or lying length cannot get past it).</summary>
internal static class BoundedRead
{
    /// <summary>The stream's bytes, or null as soon as they would exceed <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
