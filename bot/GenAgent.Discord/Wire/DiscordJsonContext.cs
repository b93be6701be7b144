using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenAgent.Discord.Wire;

/// <summary>Discord's wire shape: snake_case, nulls omitted (an omitted field means "unchanged" on edits).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(MessageCreate))]
[JsonSerializable(typeof(MessageEdit))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(DiscordUser))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(RateLimitResponse))]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(GatewayHello))]
[JsonSerializable(typeof(GatewayReady))]
[JsonSerializable(typeof(GatewayIdentify))]
[JsonSerializable(typeof(GatewayResume))]
[JsonSerializable(typeof(ThreadCreate))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
