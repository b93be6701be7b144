using System.Text.Json;
using GenAgent.Core.Images;

namespace GenAgent.Discord.Sessions.Links;

/// <summary>
/// Links as JSON blobs in the session's <see cref="IImageStore"/> (a local folder or Azure Blob), so any process that
/// serves the session (a Functions instance, <c>genagent serve</c>, the gateway worker) sees the same state.
/// </summary>
public sealed class StoreDiscordSessionLinks(IImageStore store) : IDiscordSessionLinks
{
    private const string Json = "application/json";

    public async Task<DiscordSessionLink?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var bytes = await store.TryGetAsync(DiscordLinkKeys.Session(sessionId), cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : JsonSerializer.Deserialize(bytes, LinksJsonContext.Default.DiscordSessionLink);
    }

    public Task SaveAsync(DiscordSessionLink link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(link, LinksJsonContext.Default.DiscordSessionLink);
        return store.PutAsync(DiscordLinkKeys.Session(link.SessionId), bytes, Json, cancellationToken);
    }

    public async Task<string?> FindSessionByThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        var bytes = await store.TryGetAsync(DiscordLinkKeys.Thread(threadId), cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : JsonSerializer.Deserialize(bytes, LinksJsonContext.Default.ThreadLink)?.SessionId;
    }

    public Task LinkThreadAsync(string threadId, string sessionId, CancellationToken cancellationToken = default)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new ThreadLink(threadId, sessionId), LinksJsonContext.Default.ThreadLink);
        return store.PutAsync(DiscordLinkKeys.Thread(threadId), bytes, Json, cancellationToken);
    }
}
