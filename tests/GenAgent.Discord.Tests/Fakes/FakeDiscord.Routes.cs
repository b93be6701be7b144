using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GenAgent.Discord.Tests.Fakes;

/// <summary>The default answers: what Discord would say, with the state it would keep.</summary>
public sealed partial class FakeDiscord
{
    private readonly ConcurrentDictionary<string, JsonObject> messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> originals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> nonces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> answeredInteractions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> answeredTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> rationedTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> followUpCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> componentMessages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> interactionChannels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonArray> commands = new(StringComparer.Ordinal);
    private readonly List<EmulatedBucket> emulatedBuckets = [];
    private readonly Lock stateLock = new();
    private readonly List<(string? Route, DateTimeOffset Until)> blocks = [];
    private long rateLimitViolations;

    /// <summary>Messages the fake holds (created by callbacks, follow-ups and channel posts), by id.</summary>
    public IReadOnlyDictionary<string, JsonObject> Messages => messages;

    /// <summary>Channels and threads the fake knows.</summary>
    public IReadOnlyDictionary<string, JsonObject> Channels => channels;

    /// <summary>The commands last registered, by "global" or guild id.</summary>
    public IReadOnlyDictionary<string, JsonArray> Commands => commands;

    /// <summary>The user clicks "Dismiss message" on an ephemeral "thinking": the @original is gone (10008), the token still works.</summary>
    public void DismissOriginal(string token)
    {
        if (originals.TryGetValue(token, out var id)) messages.TryRemove(id, out _);
    }

    /// <summary>The message an interaction token's callback created (its @original), or null.</summary>
    public JsonObject? OriginalFor(string token) => originals.TryGetValue(token, out var id) && messages.TryGetValue(id, out var message) ? message : null;

    /// <summary>Messages in a channel or thread, oldest first.</summary>
    public IReadOnlyList<JsonObject> MessagesIn(string channelId) =>
        [.. messages.Values.Where(m => (string?)m["channel_id"] == channelId).OrderBy(m => ulong.Parse((string)m["id"]!, CultureInfo.InvariantCulture))];

    /// <summary>Says which channel an interaction token's messages go to (default <see cref="DefaultChannelId"/>).</summary>
    /// <param name="userInstallOnly">Only the user's install authorised it: at most 5 follow-ups (40094 after), as Discord rations them.</param>
    /// <param name="componentMessageId">For a component interaction, the message the component is on: its @original.</param>
    public void RegisterInteraction(string token, string channelId, bool userInstallOnly = false, string? componentMessageId = null)
    {
        interactionChannels[token] = channelId;
        if (userInstallOnly) rationedTokens[token] = 0;
        if (componentMessageId is not null) componentMessages[token] = componentMessageId;
    }

    /// <summary>Follow-ups created on <paramref name="token"/>.</summary>
    public int FollowUpsOn(string token) => rationedTokens.TryGetValue(token, out var count) ? count : followUpCounts.GetValueOrDefault(token);

    /// <summary>Adds a channel that <c>GET /channels/{id}</c> returns.</summary>
    public void AddChannel(string id, int type = 0, bool nsfw = false, string? parentId = null, string? guildId = GuildId, string name = "general")
    {
        var channel = new JsonObject { ["id"] = id, ["type"] = type, ["guild_id"] = guildId, ["parent_id"] = parentId, ["name"] = name };
        // As Discord: threads (types 10, 11, 12) carry no nsfw flag; they are age-restricted when their parent is.
        if (type is not (10 or 11 or 12)) channel["nsfw"] = nsfw;
        channels[id] = channel;
    }

    /// <summary>
    /// Emulates a bucket: <paramref name="limit"/> requests per <paramref name="resetAfterSeconds"/> window on matching
    /// routes, with the headers Discord sends. A request while it is exhausted gets a 429 and counts as a violation.
    /// </summary>
    public void EmulateBucket(string method, string pathPattern, string bucket, int limit, double resetAfterSeconds)
    {
        lock (stateLock)
        {
            emulatedBuckets.Add(new EmulatedBucket(method, new Regex(pathPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), bucket, limit, resetAfterSeconds));
        }
    }

    private (int Status, string? Json, IEnumerable<KeyValuePair<string, string>> Headers) Respond(RecordedRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (ActiveBlock(request) is { } blocked)
        {
            Interlocked.Increment(ref rateLimitViolations);
            return (blocked.Status, blocked.Json, Merge(headers, blocked.Headers));
        }

        if (EmulateLimits(request, headers) is { } limited)
        {
            return (limited.Status, limited.Json, Merge(headers, limited.Headers));
        }

        if (TakeScripted(request) is { } scriptedResponse)
        {
            if (scriptedResponse.Status == 429)
            {
                Block(request, scriptedResponse);
            }

            return (scriptedResponse.Status, scriptedResponse.Json, Merge(headers, scriptedResponse.Headers));
        }

        var (status, body) = Route(request);
        return (status, body is null ? null : Serialize(body), headers);
    }

    /// <summary>After a 429 Discord keeps refusing the route (or, for a global one, everything) until retry_after passes.</summary>
    private void Block(RecordedRequest request, ScriptedResponse response)
    {
        using var body = JsonDocument.Parse(response.Json ?? "{}");
        var retryAfter = body.RootElement.TryGetProperty("retry_after", out var r) ? r.GetDouble() : 1;
        var global = body.RootElement.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True;
        lock (stateLock)
        {
            blocks.Add((global ? null : request.Method + " " + request.Path, DateTimeOffset.UtcNow + TimeSpan.FromSeconds(retryAfter)));
        }
    }

    private ScriptedResponse? ActiveBlock(RecordedRequest request)
    {
        lock (stateLock)
        {
            var now = DateTimeOffset.UtcNow;
            blocks.RemoveAll(b => b.Until <= now);
            var block = blocks.FirstOrDefault(b => b.Route is null || b.Route == request.Method + " " + request.Path);
            return block.Until == default ? null : ScriptedResponse.RateLimited((block.Until - now).TotalSeconds, global: block.Route is null);
        }
    }

    private static Dictionary<string, string> Merge(Dictionary<string, string> headers, IReadOnlyDictionary<string, string>? extra)
    {
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        return headers;
    }

    private ScriptedResponse? EmulateLimits(RecordedRequest request, Dictionary<string, string> headers)
    {
        lock (stateLock)
        {
            var bucket = emulatedBuckets.FirstOrDefault(b => (b.Method == "*" || b.Method == request.Method) && b.Path.IsMatch(request.Path));
            if (bucket is null)
            {
                return null;
            }

            var now = DateTimeOffset.UtcNow;
            if (now >= bucket.ResetAt)
            {
                bucket.Remaining = bucket.Limit;
                bucket.ResetAt = now + TimeSpan.FromSeconds(bucket.ResetAfterSeconds);
            }

            var resetAfter = Math.Ceiling((bucket.ResetAt - now).TotalMilliseconds) / 1000;
            headers["X-RateLimit-Limit"] = bucket.Limit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset-After"] = resetAfter.ToString("F3", CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = (bucket.ResetAt.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture);
            headers["X-RateLimit-Bucket"] = bucket.Bucket;
            if (bucket.Remaining == 0)
            {
                Interlocked.Increment(ref rateLimitViolations);
                headers["X-RateLimit-Remaining"] = "0";
                return ScriptedResponse.RateLimited(resetAfter);
            }

            bucket.Remaining--;
            headers["X-RateLimit-Remaining"] = bucket.Remaining.ToString(CultureInfo.InvariantCulture);
            return null;
        }
    }

    private (int Status, JsonNode? Body) Route(RecordedRequest request)
    {
        var segments = request.Path.Trim('/').Split('/');
        var method = request.Method;
        return segments switch
        {
            ["interactions", var id, var token, "callback"] when method == "POST" => Callback(request, id, token),
            ["webhooks", _, var token, ..] when expiredTokens.ContainsKey(token) => Error(401, 50027, "Invalid Webhook Token"),
            // As Discord: an interaction's token works for webhook calls only once the interaction has been answered.
            ["webhooks", _, var token, ..] when interactionChannels.ContainsKey(token) && !answeredTokens.ContainsKey(token) => Error(404, 10015, "Unknown Webhook"),
            ["webhooks", var app, var token] when method == "POST" => FollowUp(request, app, token),
            ["webhooks", _, var token, "messages", "@original"] => Existing(request, originals.TryGetValue(token, out var original) ? original : null),
            ["webhooks", _, _, "messages", var id] => Existing(request, id),
            _ when !IsBotAuthorized(request) => Error(401, 0, "401: Unauthorized"),
            ["channels", var channel, "messages"] when method == "POST" => PostChannelMessage(request, channel),
            ["channels", _, "messages", var id] => Existing(request, id),
            ["channels", var channel, "messages", var id, "threads"] when method == "POST" => StartThread(request, channel, id),
            ["channels", var channel, "threads"] when method == "POST" => StartThread(request, channel, null),
            ["channels", var channel] when method == "GET" => (200, Channel(channel)),
            ["applications", _, "commands"] when method == "PUT" => PutCommands(request, "global"),
            ["applications", _, "guilds", var guild, "commands"] when method == "PUT" => PutCommands(request, guild),
            ["gateway", "bot"] when method == "GET" => (200, GatewayBot()),
            _ => Error(404, 0, "404: Not Found"),
        };
    }

    private static bool IsBotAuthorized(RecordedRequest request) => request.Header("Authorization") == "Bot " + BotToken;

    private static (int, JsonNode?) Error(int status, int code, string message) => (status, new JsonObject { ["message"] = message, ["code"] = code });

    private (int, JsonNode?) FollowUp(RecordedRequest request, string app, string token)
    {
        if (rationedTokens.TryGetValue(token, out var used))
        {
            if (used >= 5) return Error(400, 40094, "This interaction has hit the maximum number of follow up messages");
            rationedTokens[token] = used + 1;
        }
        else
        {
            followUpCounts.AddOrUpdate(token, 1, (_, n) => n + 1);
        }

        return (200, CreateMessage(ChannelFor(token), request, webhookId: app));
    }

    private string ChannelFor(string token) => interactionChannels.TryGetValue(token, out var channel) ? channel : DefaultChannelId;

    private (int, JsonNode?) Callback(RecordedRequest request, string interactionId, string token)
    {
        if (expiredTokens.ContainsKey(token))
        {
            return Error(404, 10062, "Unknown interaction");
        }

        if (!answeredInteractions.TryAdd(interactionId, 0))
        {
            return Error(400, 40060, "Interaction has already been acknowledged.");
        }

        answeredTokens[token] = 0;

        var type = request.Json?.GetProperty("type").GetInt32() ?? 0;
        JsonObject? message = null;
        if (type is 4 or 5)
        {
            var data = request.Json is { } json && json.TryGetProperty("data", out var d) ? d : (JsonElement?)null;
            message = CreateMessage(ChannelFor(token), request, webhookId: ApplicationId, payload: data, loading: type == 5);
            originals[token] = (string)message["id"]!;
        }
        else if (type is 6 or 7 && componentMessages.TryGetValue(token, out var onMessage))
        {
            // A component interaction answered in place: its @original is the message the component is on.
            originals[token] = onMessage;
        }

        if (!request.Query.Contains("with_response=true", StringComparison.Ordinal))
        {
            return (204, null);
        }

        return (200, new JsonObject
        {
            ["interaction"] = new JsonObject { ["id"] = interactionId, ["type"] = 2 },
            ["resource"] = new JsonObject { ["type"] = type, ["message"] = message?.DeepClone() },
        });
    }

    private (int, JsonNode?) PostChannelMessage(RecordedRequest request, string channel)
    {
        var json = request.Json;
        var nonce = json is { } j && j.TryGetProperty("nonce", out var n) ? n.ToString() : null;
        var enforce = json is { } k && k.TryGetProperty("enforce_nonce", out var e) && e.ValueKind == JsonValueKind.True;
        lock (stateLock)
        {
            if (enforce && nonce is not null && nonces.TryGetValue(channel + "/" + nonce, out var existing) && messages.TryGetValue(existing, out var original))
            {
                return (200, original.DeepClone());
            }

            var created = CreateMessage(channel, request, webhookId: null);
            if (enforce && nonce is not null)
            {
                nonces[channel + "/" + nonce] = (string)created["id"]!;
            }

            return (200, created);
        }
    }

    private (int, JsonNode?) Existing(RecordedRequest request, string? id)
    {
        if (id is null || !messages.TryGetValue(id, out var message))
        {
            return Error(404, 10008, "Unknown Message");
        }

        switch (request.Method)
        {
            case "GET":
                return (200, message.DeepClone());
            case "DELETE":
                messages.TryRemove(id, out _);
                return (204, null);
            case "PATCH":
                lock (stateLock)
                {
                    Apply(message, request.Json, request);
                    return (200, message.DeepClone());
                }

            default:
                return Error(405, 0, "405: Method Not Allowed");
        }
    }

    private JsonObject CreateMessage(string channel, RecordedRequest request, string? webhookId, JsonElement? payload = null, bool loading = false)
    {
        var id = NewId();
        var message = new JsonObject
        {
            ["id"] = id,
            ["channel_id"] = channel,
            ["type"] = 0,
            ["content"] = "",
            ["author"] = new JsonObject { ["id"] = webhookId is null ? BotUserId : ApplicationId, ["username"] = "GenAgent", ["bot"] = true },
            ["attachments"] = new JsonArray(),
            ["embeds"] = new JsonArray(),
            ["components"] = new JsonArray(),
            ["mentions"] = new JsonArray(),
            ["flags"] = loading ? 128 : 0,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        if (webhookId is not null)
        {
            message["webhook_id"] = webhookId;
        }

        Apply(message, payload ?? request.Json, request);
        messages[id] = message;
        return message;
    }

    /// <summary>Copies the fields a create or edit sets; attachments listed by id are kept, new files are added.</summary>
    private void Apply(JsonObject message, JsonElement? payload, RecordedRequest request)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } body)
        {
            return;
        }

        foreach (var field in new[] { "content", "embeds", "components", "flags", "nonce", "message_reference" })
        {
            if (body.TryGetProperty(field, out var value))
            {
                message[field] = JsonNode.Parse(value.GetRawText());
            }
        }

        var existing = message["attachments"]!.AsArray().Select(a => a!.DeepClone()).ToList();
        var references = body.TryGetProperty("attachments", out var refs) && refs.ValueKind == JsonValueKind.Array ? refs.EnumerateArray().ToList() : null;
        var kept = references is null
            ? existing
            : existing.Where(a => references.Any(r => r.GetProperty("id").ToString() == (string?)a!["id"])).ToList();
        foreach (var part in request.Files)
        {
            var index = Regex.Match(part.Name, @"^files\[(\d+)\]$", RegexOptions.None, TimeSpan.FromSeconds(1)) is { Success: true } m ? m.Groups[1].Value : null;
            var reference = references?.FirstOrDefault(r => r.GetProperty("id").ToString() == index);
            var attachmentId = NewId();
            var url = AddAttachment(attachmentId + "-" + part.FileName, part.Content);
            kept.Add(new JsonObject
            {
                ["id"] = attachmentId,
                ["filename"] = part.FileName,
                ["description"] = reference is { } r && r.TryGetProperty("description", out var description) ? description.GetString() : null,
                ["content_type"] = part.ContentType,
                ["size"] = part.Content.Length,
                ["url"] = url,
                ["proxy_url"] = url,
            });
        }

        message["attachments"] = new JsonArray([.. kept]);
    }

    private (int, JsonNode?) StartThread(RecordedRequest request, string channel, string? messageId)
    {
        var name = request.Json is { } json && json.TryGetProperty("name", out var n) ? n.GetString() : "thread";
        var id = messageId ?? NewId();
        var thread = new JsonObject
        {
            ["id"] = id,
            ["type"] = request.Json is { } j && j.TryGetProperty("type", out var t) ? t.GetInt32() : 11,
            ["guild_id"] = GuildId,
            ["parent_id"] = channel,
            ["name"] = name,
        };
        if (!channels.TryAdd(id, thread))
        {
            return Error(400, 160004, "A thread has already been created for this message");
        }

        return (201, thread.DeepClone());
    }

    private JsonNode Channel(string id) =>
        channels.TryGetValue(id, out var channel)
            ? channel.DeepClone()
            : new JsonObject { ["id"] = id, ["type"] = 0, ["guild_id"] = GuildId, ["name"] = "general", ["nsfw"] = false };

    /// <summary>The portal's Installation page allows User Install (a new application allows guild install only).</summary>
    public bool UserInstallAllowed { get; set; }

    private (int, JsonNode?) PutCommands(RecordedRequest request, string scope)
    {
        foreach (var command in request.Json?.EnumerateArray() ?? Enumerable.Empty<JsonElement>())
        {
            var contexts = command.TryGetProperty("contexts", out var c) && c.ValueKind == JsonValueKind.Array ? c.EnumerateArray().Select(e => e.GetInt32()).ToList() : [];
            var installs = command.TryGetProperty("integration_types", out var i) && i.ValueKind == JsonValueKind.Array ? i.EnumerateArray().Select(e => e.GetInt32()).ToList() : [];
            // As Discord: a guild's commands exist in that guild only, and user install must be allowed before commands ask for it.
            if (scope != "global" && contexts.Any(x => x != 0)) return Error(400, 50035, "Invalid Form Body: contexts of a guild command can only be GUILD");
            if (installs.Contains(1) && !UserInstallAllowed) return Error(400, 50035, "Invalid Form Body: integration_types USER_INSTALL is not enabled for this application");
        }

        var registered = new JsonArray();
        foreach (var command in request.Json?.EnumerateArray() ?? Enumerable.Empty<JsonElement>())
        {
            var node = JsonNode.Parse(command.GetRawText())!.AsObject();
            node["id"] = NewId();
            node["application_id"] = ApplicationId;
            node["version"] = NewId();
            if (scope != "global")
            {
                node["guild_id"] = scope;
            }

            registered.Add(node);
        }

        commands[scope] = registered;
        return (200, registered.DeepClone());
    }

    private JsonObject GatewayBot() => new()
    {
        ["url"] = GatewayUrl,
        ["shards"] = 1,
        ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14400000, ["max_concurrency"] = 1 },
    };

    private sealed class EmulatedBucket(string method, Regex path, string bucket, int limit, double resetAfterSeconds)
    {
        public string Method { get; } = method;
        public Regex Path { get; } = path;
        public string Bucket { get; } = bucket;
        public int Limit { get; } = limit;
        public double ResetAfterSeconds { get; } = resetAfterSeconds;
        public int Remaining { get; set; }
        public DateTimeOffset ResetAt { get; set; }
    }
}
