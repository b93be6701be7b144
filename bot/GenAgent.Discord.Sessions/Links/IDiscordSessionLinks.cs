namespace GenAgent.Discord.Sessions.Links;

/// <summary>Durable links between sessions and Discord: which session a message or thread belongs to, and where it posts.</summary>
public interface IDiscordSessionLinks
{
    /// <summary>The link of <paramref name="sessionId"/>, or null for a session that did not start in Discord.</summary>
    Task<DiscordSessionLink?> GetAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="link"/>, replacing the stored one.</summary>
    Task SaveAsync(DiscordSessionLink link, CancellationToken cancellationToken = default);

    /// <summary>The session whose rounds go to <paramref name="threadId"/>, or null.</summary>
    Task<string?> FindSessionByThreadAsync(string threadId, CancellationToken cancellationToken = default);

    /// <summary>Records that replies in <paramref name="threadId"/> continue <paramref name="sessionId"/>.</summary>
    Task LinkThreadAsync(string threadId, string sessionId, CancellationToken cancellationToken = default);
}
