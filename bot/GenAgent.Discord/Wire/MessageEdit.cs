namespace GenAgent.Discord.Wire;

/// <summary>
/// A message edit: null fields stay as they are; an empty list clears. <see cref="Attachments"/> must list every
/// attachment to keep: ones left out are removed.
/// </summary>
public sealed record MessageEdit
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }
    public MessageFlags? Flags { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
}
