using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenAgent.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenAgent.Discord.Rest;

/// <summary>
/// The REST calls GenAgent makes, as a typed HttpClient. Bot routes send <c>Authorization: Bot</c>; interaction
/// (webhook) routes send no Authorization, the token in the path is the credential. Every call goes through the rate
/// limiter and a bounded retry (5xx, transport errors, 429 with its retry_after).
/// </summary>
public sealed partial class DiscordRestClient
{
    private readonly HttpClient http;
    private readonly DiscordRateLimiter limiter;
    private readonly DiscordOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<DiscordRestClient> logger;

    internal DiscordRestClient(HttpClient http, DiscordRateLimiter limiter, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        this.http = http;
        this.limiter = limiter;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>The first answer to an interaction; must come within 3 s of it (type 5 defers).</summary>
    public Task CreateInteractionResponseAsync(
        string interactionId, string token, InteractionResponse response, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var route = Webhook(HttpMethod.Post, $"interactions/{Id(interactionId)}/{Token(token)}/callback", "interactions/{interaction}/{token}/callback", interactionId, token);
        if (files is { Count: > 0 } && response.Data is { } data)
        {
            response = response with { Data = data with { Attachments = data.Attachments ?? References(files) } };
        }

        return SendAsync(route, () => Content(response, DiscordJsonContext.Default.InteractionResponse, files), cancellationToken);
    }

    public Task<DiscordMessage> GetOriginalResponseAsync(string applicationId, string token, CancellationToken cancellationToken = default) =>
        SendAsync(
            Webhook(HttpMethod.Get, $"webhooks/{Id(applicationId)}/{Token(token)}/messages/@original", "webhooks/{application}/{token}/messages/@original", applicationId, token),
            null,
            DiscordJsonContext.Default.DiscordMessage,
            cancellationToken);

    public Task<DiscordMessage> EditOriginalResponseAsync(
        string applicationId, string token, MessageEdit edit, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
    {
        var route = Webhook(HttpMethod.Patch, $"webhooks/{Id(applicationId)}/{Token(token)}/messages/@original", "webhooks/{application}/{token}/messages/@original", applicationId, token);
        return EditAsync(route, edit, files, cancellationToken);
    }

    public Task DeleteOriginalResponseAsync(string applicationId, string token, CancellationToken cancellationToken = default) =>
        SendAsync(
            Webhook(HttpMethod.Delete, $"webhooks/{Id(applicationId)}/{Token(token)}/messages/@original", "webhooks/{application}/{token}/messages/@original", applicationId, token),
            null,
            cancellationToken);

    /// <summary>A new message after the interaction's response (works for 15 minutes).</summary>
    public Task<DiscordMessage> CreateFollowupAsync(
        string applicationId, string token, MessageCreate message, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Validate(message.Content, message.Embeds, message.Components, files);
        if (files is { Count: > 0 })
        {
            message = message with { Attachments = message.Attachments ?? References(files) };
        }

        // Webhooks take no nonce; wait=true makes Discord answer with the created message.
        message = message with { Nonce = null, EnforceNonce = null };
        var route = Webhook(HttpMethod.Post, $"webhooks/{Id(applicationId)}/{Token(token)}?wait=true", "webhooks/{application}/{token}", applicationId, token);
        return SendAsync(route, () => Content(message, DiscordJsonContext.Default.MessageCreate, files), DiscordJsonContext.Default.DiscordMessage, cancellationToken);
    }

    public Task<DiscordMessage> EditFollowupAsync(
        string applicationId, string token, string messageId, MessageEdit edit, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
    {
        var route = Webhook(HttpMethod.Patch, $"webhooks/{Id(applicationId)}/{Token(token)}/messages/{Id(messageId)}", "webhooks/{application}/{token}/messages/{message}", applicationId, token);
        return EditAsync(route, edit, files, cancellationToken);
    }

    public Task DeleteFollowupAsync(string applicationId, string token, string messageId, CancellationToken cancellationToken = default) =>
        SendAsync(
            Webhook(HttpMethod.Delete, $"webhooks/{Id(applicationId)}/{Token(token)}/messages/{Id(messageId)}", "webhooks/{application}/{token}/messages/{message}", applicationId, token),
            null,
            cancellationToken);

    /// <summary>
    /// Posts in a channel with the bot token. Always idempotent: without a nonce one is generated, and enforce_nonce
    /// makes Discord answer a retry with the message it already created. Pass a nonce derived from your own key (at most
    /// 25 characters) to make retries across processes idempotent too.
    /// </summary>
    public Task<DiscordMessage> CreateMessageAsync(
        string channelId, MessageCreate message, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Validate(message.Content, message.Embeds, message.Components, files);
        if (message.Nonce is { Length: > DiscordLimits.NonceLength })
        {
            throw new ArgumentException($"A nonce has at most {DiscordLimits.NonceLength} characters.", nameof(message));
        }

        message = message with
        {
            Nonce = message.Nonce ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            EnforceNonce = true,
            Attachments = files is { Count: > 0 } ? message.Attachments ?? References(files) : message.Attachments,
        };
        var route = Bot(HttpMethod.Post, $"channels/{Id(channelId)}/messages", "channels/{channel}/messages", channelId);
        return SendAsync(route, () => Content(message, DiscordJsonContext.Default.MessageCreate, files), DiscordJsonContext.Default.DiscordMessage, cancellationToken);
    }

    public Task<DiscordMessage> EditMessageAsync(
        string channelId, string messageId, MessageEdit edit, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default) =>
        EditAsync(Bot(HttpMethod.Patch, $"channels/{Id(channelId)}/messages/{Id(messageId)}", "channels/{channel}/messages/{message}", channelId), edit, files, cancellationToken);

    public Task DeleteMessageAsync(string channelId, string messageId, CancellationToken cancellationToken = default) =>
        SendAsync(Bot(HttpMethod.Delete, $"channels/{Id(channelId)}/messages/{Id(messageId)}", "channels/{channel}/messages/{message}", channelId), null, cancellationToken);

    public Task<DiscordMessage> GetMessageAsync(string channelId, string messageId, CancellationToken cancellationToken = default) =>
        SendAsync(
            Bot(HttpMethod.Get, $"channels/{Id(channelId)}/messages/{Id(messageId)}", "channels/{channel}/messages/{message}", channelId),
            null,
            DiscordJsonContext.Default.DiscordMessage,
            cancellationToken);

    /// <summary>A thread on a message (its id is the message id); fails with 160004 when the message has one.</summary>
    public Task<DiscordChannel> StartThreadFromMessageAsync(
        string channelId, string messageId, string name, int autoArchiveMinutes, CancellationToken cancellationToken = default)
    {
        var body = Thread(name, autoArchiveMinutes, type: null);
        var route = Bot(HttpMethod.Post, $"channels/{Id(channelId)}/messages/{Id(messageId)}/threads", "channels/{channel}/messages/{message}/threads", channelId);
        return SendAsync(route, () => Content(body, DiscordJsonContext.Default.ThreadCreate, null), DiscordJsonContext.Default.DiscordChannel, cancellationToken);
    }

    /// <summary>A public thread without a starter message.</summary>
    public Task<DiscordChannel> StartThreadAsync(string channelId, string name, int autoArchiveMinutes, CancellationToken cancellationToken = default)
    {
        var body = Thread(name, autoArchiveMinutes, ChannelType.PublicThread);
        var route = Bot(HttpMethod.Post, $"channels/{Id(channelId)}/threads", "channels/{channel}/threads", channelId);
        return SendAsync(route, () => Content(body, DiscordJsonContext.Default.ThreadCreate, null), DiscordJsonContext.Default.DiscordChannel, cancellationToken);
    }

    public Task<DiscordChannel> GetChannelAsync(string channelId, CancellationToken cancellationToken = default) =>
        SendAsync(Bot(HttpMethod.Get, $"channels/{Id(channelId)}", "channels/{channel}", channelId), null, DiscordJsonContext.Default.DiscordChannel, cancellationToken);

    /// <summary>Replaces every command: globally, or in one guild (instant; use it while testing).</summary>
    public async Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteCommandsAsync(
        string applicationId, string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var route = guildId is null
            ? Bot(HttpMethod.Put, $"applications/{Id(applicationId)}/commands", "applications/{application}/commands", applicationId)
            : Bot(HttpMethod.Put, $"applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands", "applications/{application}/guilds/{guild}/commands", guildId);
        return await SendAsync(route, () => Content(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand, null), DiscordJsonContext.Default.ListApplicationCommand, cancellationToken)
            .ConfigureAwait(false);
    }

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        SendAsync(Bot(HttpMethod.Get, "gateway/bot", "gateway/bot", ""), null, DiscordJsonContext.Default.GatewayBotInfo, cancellationToken);

    private Task<DiscordMessage> EditAsync(DiscordRoute route, MessageEdit edit, IReadOnlyList<FileAttachment>? files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        Validate(edit.Content, edit.Embeds, edit.Components, files);
        if (files is { Count: > 0 })
        {
            edit = edit with { Attachments = edit.Attachments ?? References(files) };
        }

        return SendAsync(route, () => Content(edit, DiscordJsonContext.Default.MessageEdit, files), DiscordJsonContext.Default.DiscordMessage, cancellationToken);
    }

    private static ThreadCreate Thread(string name, int autoArchiveMinutes, ChannelType? type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!DiscordLimits.AutoArchiveMinutes.Contains(autoArchiveMinutes))
        {
            throw new ArgumentOutOfRangeException(nameof(autoArchiveMinutes), autoArchiveMinutes, "Discord accepts 60, 1440, 4320 or 10080 minutes.");
        }

        return new ThreadCreate
        {
            Name = name.Length > DiscordLimits.ThreadNameLength ? name[..DiscordLimits.ThreadNameLength] : name,
            AutoArchiveDuration = autoArchiveMinutes,
            Type = type,
        };
    }

    private static List<AttachmentReference> References(IReadOnlyList<FileAttachment> files) =>
        [.. files.Select((file, index) => new AttachmentReference { Id = index.ToString(System.Globalization.CultureInfo.InvariantCulture), Filename = file.FileName, Description = file.Description })];

    private static HttpContent Content<T>(T payload, JsonTypeInfo<T> typeInfo, IReadOnlyList<FileAttachment>? files)
    {
        var json = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(payload, typeInfo));
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (files is not { Count: > 0 })
        {
            return json;
        }

        var multipart = new MultipartFormDataContent();
        multipart.Add(json, "payload_json");
        for (var i = 0; i < files.Count; i++)
        {
            var part = new ByteArrayContent(files[i].Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
            multipart.Add(part, $"files[{i}]", files[i].FileName);
        }

        return multipart;
    }

    private DiscordRoute Bot(HttpMethod method, string path, string template, string major) => new(method, path, template, major, UsesBotToken: true);

    private static DiscordRoute Webhook(HttpMethod method, string path, string template, string id, string token) =>
        new(method, path, template, id + "/" + token, UsesBotToken: false);

    /// <summary>Ids go into the path, so nothing but digits may.</summary>
    private static string Id(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null) =>
        Snowflake.IsValid(value) ? value : throw new ArgumentException($"'{value}' is not a snowflake.", name);

    private static string Token(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return Uri.EscapeDataString(token);
    }
}
