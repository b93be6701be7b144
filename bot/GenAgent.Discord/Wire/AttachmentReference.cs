namespace GenAgent.Discord.Wire;

/// <summary>
/// An entry of a sent message's <c>attachments</c>: for a new upload the id is the index n of its <c>files[n]</c> part;
/// on an edit, an existing attachment's id keeps it (attachments left out of an edit are removed).
/// </summary>
public sealed record AttachmentReference
{
    public string Id { get; init; } = "";
    public string? Filename { get; init; }
    public string? Description { get; init; }
}
