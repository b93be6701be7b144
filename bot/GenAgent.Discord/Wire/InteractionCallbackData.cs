namespace GenAgent.Discord.Wire;

/// <summary>The data of any callback type: message fields, autocomplete choices, or a modal's id, title and components.</summary>
public sealed record InteractionCallbackData
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }
    public MessageFlags? Flags { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public IReadOnlyList<ApplicationCommandChoice>? Choices { get; init; }
    public string? CustomId { get; init; }
    public string? Title { get; init; }
}
