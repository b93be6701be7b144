using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenAgent.Discord.Sessions.Links;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiscordSessionLink))]
[JsonSerializable(typeof(ThreadLink))]
[JsonSerializable(typeof(ChatOrigin))]
internal sealed partial class LinksJsonContext : JsonSerializerContext;
