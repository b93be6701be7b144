namespace GenAgent.Discord;

/// <summary>Discord's documented limits (API v10), checked before sending instead of learning them from a 400.</summary>
public static class DiscordLimits
{
    public const int MessageContentLength = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitleLength = 256;
    public const int EmbedDescriptionLength = 4096;
    public const int EmbedFields = 25;
    public const int EmbedFieldNameLength = 256;
    public const int EmbedFieldValueLength = 1024;
    public const int EmbedFooterLength = 2048;
    public const int EmbedAuthorNameLength = 256;

    /// <summary>Characters across every title, description, field, footer and author of a message's embeds.</summary>
    public const int EmbedTotalLength = 6000;

    public const int CustomIdLength = 100;
    public const int ButtonLabelLength = 80;
    public const int ButtonsPerRow = 5;
    public const int ActionRowsPerMessage = 5;
    public const int ModalTitleLength = 45;
    public const int TextInputValueLength = 4000;
    public const int TextInputLabelLength = 45;
    public const int ChoicesPerOption = 25;
    public const int AutocompleteChoices = 25;

    public const int CommandNameLength = 32;
    public const int CommandDescriptionLength = 100;
    public const int CommandOptions = 25;
    public const int StringOptionLength = 6000;

    public const int ThreadNameLength = 100;

    /// <summary>A nonce is an integer or a string of at most 25 characters.</summary>
    public const int NonceLength = 25;

    public const int FilesPerMessage = 10;

    /// <summary>Per file when the interaction does not say (use its <c>attachment_size_limit</c> when it does).</summary>
    public const long DefaultAttachmentBytes = 10L * 1024 * 1024;

    /// <summary>Per request, all files together (413 / 40005 beyond it).</summary>
    public const long RequestBytes = 25L * 1024 * 1024;

    /// <summary>An interaction must be answered (or deferred) within this, or Discord shows "did not respond".</summary>
    public static readonly TimeSpan InteractionAckDeadline = TimeSpan.FromSeconds(3);

    /// <summary>How long an interaction token works for follow-ups; after it, post with the bot token.</summary>
    public static readonly TimeSpan InteractionTokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Requests per second across a bot's bot-token routes (interaction callbacks are exempt).</summary>
    public const int GlobalRequestsPerSecond = 50;

    /// <summary>The largest payload a client may send on the gateway.</summary>
    public const int GatewaySendBytes = 4096;

    /// <summary>Sends per connection per minute on the gateway.</summary>
    public const int GatewaySendsPerMinute = 120;

    /// <summary>The spacing between IDENTIFYs of one rate-limit key (shard id modulo max_concurrency).</summary>
    public static readonly TimeSpan IdentifySpacing = TimeSpan.FromSeconds(5);

    /// <summary>Thread auto-archive durations Discord accepts, in minutes.</summary>
    public static readonly IReadOnlyList<int> AutoArchiveMinutes = [60, 1440, 4320, 10080];

    /// <summary>The ephemeral message flag.</summary>
    public const int EphemeralFlag = 64;
}
