using GenAgent.Api;
using GenAgent.Api.Sessions;
using GenAgent.Api.Wire;
using GenAgent.Core.Images;

namespace GenAgent.Cli.Output;

/// <summary>
/// The <c>--image</c> file through the API's image rule (PNG, JPEG or WebP within <c>GenAgent:Api:MaxImageBytes</c>
/// and 4096x4096 pixels, stored as PNG), so a file the API would refuse is refused here with the same reason.
/// </summary>
internal static class InputImage
{
    public static async Task<ImageRef> StoreAsync(FileInfo file, ApiOptions api, string sessionId, IImageStore store, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        try
        {
            // No URL is read here, so the reader never needs its download client.
            return await new InputImageReader(api, NoDownloads.Instance).StoreAsync(new ImageBody(Base64: Convert.ToBase64String(bytes)), sessionId, store, cancellationToken);
        }
        catch (InvalidInputException unusable)
        {
            throw new CliException($"--image '{file.FullName}': {string.Join(" ", unusable.Errors.Values.SelectMany(m => m))}");
        }
    }

    private sealed class NoDownloads : IHttpClientFactory
    {
        public static NoDownloads Instance { get; } = new();

        public HttpClient CreateClient(string name) => throw new InvalidOperationException("The CLI reads --image from a file, never a URL.");
    }
}
