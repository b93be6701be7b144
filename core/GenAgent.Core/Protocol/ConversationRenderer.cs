using GenAgent.Core.Images;
using Microsoft.Extensions.AI;

namespace GenAgent.Core.Protocol;

/// <summary>Turns stored conversation messages into chat messages, loading each referenced image from the store.</summary>
public static class ConversationRenderer
{
    public static Task<List<ChatMessage>> RenderAsync(IReadOnlyList<ConversationMessage> messages, IImageStore store, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("protocol helper");
}
