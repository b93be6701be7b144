using GenAgent.Core.Images;
using Microsoft.Extensions.AI;

namespace GenAgent.Core.Protocol;

/// <summary>Turns stored conversation messages into chat messages, loading each referenced image from the store.</summary>
public static class ConversationRenderer
{
    /// <summary>
    /// Images become <see cref="DataContent"/>, which OpenAI-compatible clients send as a <c>data:</c> URL
    /// in an <c>image_url</c> part. A missing image throws: a conversation silently missing its image would
    /// make the model judge something it never saw.
    /// </summary>
    public static async Task<List<ChatMessage>> RenderAsync(IReadOnlyList<ConversationMessage> messages, IImageStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(store);

        var rendered = new List<ChatMessage>(messages.Count);
        foreach (var message in messages)
        {
            var contents = new List<AIContent>(message.Parts.Count);
            foreach (var part in message.Parts)
            {
                contents.Add(await RenderPartAsync(part, store, cancellationToken).ConfigureAwait(false));
            }

            rendered.Add(new ChatMessage(RoleOf(message.Role), contents));
        }

        return rendered;
    }

    private static async Task<AIContent> RenderPartAsync(ConversationPart part, IImageStore store, CancellationToken cancellationToken)
    {
        if (part.Image is { } image)
        {
            var bytes = await store.TryGetAsync(image.Key, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Image \"{image.Key}\" is not in the image store.");
            return new DataContent(bytes, image.MediaType);
        }

        return part.Text is { } text
            ? new TextContent(text)
            : throw new ArgumentException("A conversation part has neither text nor an image.", nameof(part));
    }

    private static ChatRole RoleOf(string role) => role switch
    {
        ConversationMessage.SystemRole => ChatRole.System,
        ConversationMessage.UserRole => ChatRole.User,
        ConversationMessage.AssistantRole => ChatRole.Assistant,
        _ => throw new ArgumentException($"Unknown conversation role \"{role}\".", nameof(role)),
    };
}
