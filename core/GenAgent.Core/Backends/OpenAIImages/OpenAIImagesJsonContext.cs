using System.Text.Json.Serialization;

namespace GenAgent.Core.Backends.OpenAIImages;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImagesGenerationRequest))]
[JsonSerializable(typeof(ImagesResponse))]
internal sealed partial class OpenAIImagesJsonContext : JsonSerializerContext;
