namespace GenAgent.Discord.Wire;

/// <summary>A new message: channel message or interaction follow-up.</summary>
public sealed record MessageCreate
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>Left null with files, it is filled with one entry per file (id = its index).</summary>
    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }
    public MessageFlags? Flags { get; init; }

    /// <summary>
    /// With <see cref="EnforceNonce"/>, a second create with the same nonce in the channel (within minutes) returns the
    /// first message instead of posting again, so a retried send does not duplicate. At most 25 characters.
    /// </summary>
    public string? Nonce { get; init; }
    public bool? EnforceNonce { get; init; }
    public MessageReference? MessageReference { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
}
