using System.Text.Json.Nodes;
using GenAgent.Discord.Tests.Fakes;

namespace GenAgent.Discord.Sessions.Tests.Flow;

/// <summary>Discord-shaped interaction payloads, as Discord posts them to the endpoint.</summary>
internal static class Interactions
{
    private static long _next = 1300000000000000000;

    /// <summary>Administrator permission bit set.</summary>
    public const string AdminPermissions = "8";

    public const string MemberPermissions = "2048";

    public static string NewId() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Ping() => new() { ["id"] = NewId(), ["application_id"] = FakeDiscord.ApplicationId, ["type"] = 1, ["token"] = "ping-token", ["version"] = 1 };

    /// <summary>A guild interaction of <paramref name="type"/> by <paramref name="userId"/> in <paramref name="channelId"/>.</summary>
    public static JsonObject Base(int type, string userId, string channelId = FakeDiscord.DefaultChannelId, bool nsfw = false, string permissions = MemberPermissions, string? guildId = FakeDiscord.GuildId)
    {
        var interaction = new JsonObject
        {
            ["id"] = NewId(),
            ["application_id"] = FakeDiscord.ApplicationId,
            ["type"] = type,
            ["channel_id"] = channelId,
            ["channel"] = new JsonObject { ["id"] = channelId, ["type"] = guildId is null ? 1 : 0, ["nsfw"] = nsfw, ["name"] = "general" },
            ["token"] = "tok-" + NewId(),
            ["version"] = 1,
            ["attachment_size_limit"] = 10 * 1024 * 1024,
            ["locale"] = "en-US",
        };
        var user = new JsonObject { ["id"] = userId, ["username"] = "user" + userId[^4..], ["global_name"] = "User" };
        if (guildId is null)
        {
            interaction["user"] = user;
            interaction["context"] = 1;
        }
        else
        {
            interaction["guild_id"] = guildId;
            interaction["member"] = new JsonObject { ["user"] = user, ["roles"] = new JsonArray(), ["permissions"] = permissions };
            interaction["context"] = 0;
        }
        return interaction;
    }

    public static JsonObject Command(string name, string userId, JsonArray? options = null, string channelId = FakeDiscord.DefaultChannelId, bool nsfw = false, string permissions = MemberPermissions, JsonObject? resolved = null)
    {
        var interaction = Base(2, userId, channelId, nsfw, permissions);
        var data = new JsonObject { ["id"] = NewId(), ["name"] = name, ["type"] = 1, ["options"] = options ?? [] };
        if (resolved is not null) data["resolved"] = resolved;
        interaction["data"] = data;
        return interaction;
    }

    public static JsonObject Imagine(string userId, string prompt, string? effort = "low", bool? isPrivate = null, string channelId = FakeDiscord.DefaultChannelId, bool nsfw = false, string? aspect = null)
    {
        var options = new JsonArray { Option("prompt", 3, prompt) };
        if (effort is not null) options.Add(Option("effort", 3, effort));
        if (aspect is not null) options.Add(Option("aspect", 3, aspect));
        if (isPrivate is { } p) options.Add(Option("private", 5, p));
        return Command("imagine", userId, options, channelId, nsfw);
    }

    public static JsonObject Button(string customId, string userId, string messageId = "1400000000000000001", string permissions = MemberPermissions)
    {
        var interaction = Base(3, userId, permissions: permissions);
        interaction["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        interaction["message"] = new JsonObject { ["id"] = messageId, ["channel_id"] = FakeDiscord.DefaultChannelId, ["content"] = "", ["flags"] = 0 };
        return interaction;
    }

    public static JsonObject ModalSubmit(string customId, string userId, string text)
    {
        var interaction = Base(5, userId);
        interaction["data"] = new JsonObject
        {
            ["custom_id"] = customId,
            ["components"] = new JsonArray
            {
                new JsonObject { ["type"] = 18, ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = "text", ["value"] = text } },
            },
        };
        return interaction;
    }

    public static JsonObject Option(string name, int type, JsonNode? value) => new() { ["name"] = name, ["type"] = type, ["value"] = value };

    public static JsonObject SubCommand(string name, params JsonObject[] options) =>
        new() { ["name"] = name, ["type"] = 1, ["options"] = new JsonArray([.. options]) };
}
