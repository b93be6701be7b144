using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenAgent.Core.Sessions;

/// <summary>
/// Enum values from outside, by their defined names only (any case). <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>
/// also takes numbers, "medium,high" (flags arithmetic: 3) and names padded with spaces, none of which a client means.
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var name in Enum.GetNames<T>())
        {
            if (!string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) continue;
            value = Enum.Parse<T>(name);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>"low, medium or high": the names a message can offer.</summary>
    public static string Choices<T>() where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }
}

/// <summary>A JSON converter for every enum that reads only defined names (as <see cref="EnumNames"/>) and writes camelCase names.</summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return EnumNames.TryParse<T>(text, out var value)
                ? value
                : throw new JsonException($"must be {EnumNames.Choices<T>()}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(JsonNamingPolicy.CamelCase.ConvertName(value.ToString()));
    }
}
