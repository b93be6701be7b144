using System.Text.Json;
using GenAgent.Core.Images;

namespace GenAgent.Discord.Sessions.Links;

/// <summary>
/// The origins of chat sessions, kept apart from <see cref="DiscordSessionLink"/> so the chat worker and the progress
/// observer (another process, perhaps) never overwrite each other's writes.
/// </summary>
public sealed class ChatOrigins(IImageStore store)
{
    public async Task<ChatOrigin?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var bytes = await store.TryGetAsync(DiscordLinkKeys.Origin(sessionId), cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : JsonSerializer.Deserialize(bytes, LinksJsonContext.Default.ChatOrigin);
    }

    public Task SaveAsync(ChatOrigin origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(origin, LinksJsonContext.Default.ChatOrigin);
        return store.PutAsync(DiscordLinkKeys.Origin(origin.SessionId), bytes, "application/json", cancellationToken);
    }
}
