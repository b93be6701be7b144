using System.Text.Json.Serialization;

namespace GenAgent.Discord.Sessions.Settings;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(UserSettings))]
[JsonSerializable(typeof(GuildSettings))]
[JsonSerializable(typeof(UserSessions))]
[JsonSerializable(typeof(GuildUsage))]
internal sealed partial class SettingsJsonContext : JsonSerializerContext;
