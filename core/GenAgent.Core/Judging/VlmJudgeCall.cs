using Microsoft.Extensions.AI;
using SkiaSharp;

namespace GenAgent.Core.Judging;

/// <summary>
/// One question to a VLM judge as the official scripts ask it: the rules as the system message, the text and the image
/// (re-encoded as JPEG, as those scripts send it) in one user message, temperature 0. Retries on 429 and 5xx are the
/// judge client's (the backends' HTTP resilience pipeline).
/// </summary>
public static class VlmJudgeCall
{
    private const int JpegQuality = 95;

    public sealed record Reply(string Text, long InputTokens, long OutputTokens);

    public static async Task<Reply> AskAsync(IChatClient judge, string rules, string text, byte[] image, int maxReplyTokens, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, rules),
            new(ChatRole.User, [new TextContent(text), new DataContent(Jpeg(image), "image/jpeg")]),
        ];
        var response = await judge.GetResponseAsync(messages, new ChatOptions { Temperature = 0, MaxOutputTokens = maxReplyTokens }, cancellationToken)
            .ConfigureAwait(false);
        return new Reply(response.Text ?? "", response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
    }

    /// <summary>A short excerpt of a reply for a verdict's reason.</summary>
    public static string Excerpt(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "(empty)" : text.Length <= 120 ? text.Trim() : text[..120].Trim() + "...";

    /// <summary>The image as JPEG (any PNG, JPEG or WebP in).</summary>
    private static byte[] Jpeg(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image) ?? throw new ArgumentException("The image is not a PNG, JPEG or WebP image.", nameof(image));
        using var frame = SKImage.FromBitmap(bitmap);
        using var encoded = frame.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return encoded.ToArray();
    }
}
