namespace GenAgent.Discord.Wire;

public sealed record ResolvedData
{
    public IReadOnlyDictionary<string, Attachment>? Attachments { get; init; }
    public IReadOnlyDictionary<string, DiscordUser>? Users { get; init; }
}
