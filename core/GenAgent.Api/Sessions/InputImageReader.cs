using System.Net.Http.Headers;
using GenAgent.Api.Wire;
using GenAgent.Core.Images;
using GenAgent.Workflow;
using SkiaSharp;

namespace GenAgent.Api.Sessions;

/// <summary>
/// Turns the request's image into a stored PNG (what every tool and the protocol expect). Anything that is not a
/// readable image within the limits is an <see cref="InvalidInputException"/>.
/// </summary>
internal sealed class InputImageReader(ApiOptions options, IHttpClientFactory httpClients)
{
    /// <summary>The named client used to download input images when <see cref="ApiOptions.AllowImageUrlFetch"/> is on.</summary>
    public const string FetchClientName = "GenAgent.Api.ImageFetch";

    public async Task<ImageRef> StoreAsync(ImageBody image, string sessionId, IImageStore store, CancellationToken cancellationToken)
    {
        var (field, bytes, declared) = await ReadBytesAsync(image, cancellationToken).ConfigureAwait(false);
        var (png, width, height) = Normalize(field, bytes, declared);
        var key = $"{SessionKeys.Folder(sessionId)}/input.png";
        await store.PutAsync(key, png, "image/png", cancellationToken).ConfigureAwait(false);
        return new ImageRef(key, width, height);
    }

    /// <summary>The bytes, and the media type the sender declared for them (a data: URL's, a download's), if any.</summary>
    private async Task<(string Field, byte[] Bytes, string? Declared)> ReadBytesAsync(ImageBody image, CancellationToken cancellationToken)
    {
        var hasUrl = !string.IsNullOrWhiteSpace(image.Url);
        var hasBase64 = !string.IsNullOrWhiteSpace(image.Base64);
        if (hasUrl == hasBase64) throw new InvalidInputException("image", "Give exactly one of image.url and image.base64.");
        if (hasBase64) return ("image.base64", DecodeBase64("image.base64", image.Base64!), null);

        var url = image.Url!.Trim();
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var (declared, bytes) = DecodeDataUrl(url);
            return ("image.url", bytes, declared);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidInputException("image.url", "Use a data: URL (data:image/png;base64,...) or image.base64.");
        if (!options.AllowImageUrlFetch)
        {
            throw new InvalidInputException(
                "image.url", "This server does not download images from http(s) URLs (ApiOptions.AllowImageUrlFetch is off); send a data: URL or image.base64.");
        }
        var (fetched, contentType) = await FetchAsync(uri, cancellationToken).ConfigureAwait(false);
        return ("image.url", fetched, contentType);
    }

    private (string? Declared, byte[] Bytes) DecodeDataUrl(string url)
    {
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || !url[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            throw new InvalidInputException("image.url", "A data: URL must be base64: data:image/png;base64,<data>.");
        // "data:;base64,..." declares nothing; "data:text/plain;base64,..." declares something that is not an image.
        var declared = url["data:".Length..comma].Split(';', 2)[0].Trim();
        return (declared.Length == 0 ? null : declared, DecodeBase64("image.url", url[(comma + 1)..]));
    }

    private byte[] DecodeBase64(string field, string text)
    {
        // Checked before decoding, so an oversized body never becomes an oversized buffer.
        if ((long)text.Length * 3 / 4 > options.MaxImageBytes + 3L) throw TooLarge(field);
        try
        {
            return CheckSize(field, Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            throw new InvalidInputException(field, "The image is not valid base64.");
        }
    }

    private async Task<(byte[] Bytes, string? ContentType)> FetchAsync(Uri uri, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(FetchClientName);
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new InvalidInputException("image.url", $"Downloading the image failed: HTTP {(int)response.StatusCode}.");
            if (response.Content.Headers.ContentLength > options.MaxImageBytes) throw TooLarge("image.url");
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > options.MaxImageBytes) throw TooLarge("image.url");
            }
            // Servers often say application/octet-stream; only an image type they do declare is held against the bytes.
            var type = response.Content.Headers.ContentType?.MediaType;
            return (buffer.ToArray(), type is not null && type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? type : null);
        }
        catch (HttpRequestException unreachable)
        {
            throw new InvalidInputException("image.url", $"Downloading the image failed: {unreachable.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidInputException("image.url", $"Downloading the image took longer than {ApiLimits.ImageFetchTimeout.TotalSeconds:0} s.");
        }
    }

    private byte[] CheckSize(string field, byte[] bytes) => bytes.Length > options.MaxImageBytes ? throw TooLarge(field) : bytes;

    private InvalidInputException TooLarge(string field) =>
        new(field, $"The image is larger than the limit of {options.MaxImageBytes} bytes.") { TooLarge = true };

    private static (byte[] Png, int Width, int Height) Normalize(string field, byte[] bytes, string? declared)
    {
        SKBitmap bitmap;
        try
        {
            (bitmap, _) = ImageIntake.Decode(bytes, ApiLimits.MaxInputPixels, declared);
        }
        catch (ImageRejectedException rejected)
        {
            throw new InvalidInputException(field, rejected.Message);
        }

        using (bitmap)
        {
            using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            return (png.ToArray(), bitmap.Width, bitmap.Height);
        }
    }

    internal static void ConfigureFetchClient(HttpClient client)
    {
        client.Timeout = ApiLimits.ImageFetchTimeout;
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("image/*"));
    }
}
