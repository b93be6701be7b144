using System.Text.Json.Serialization;

namespace GenAgent.Core.Backends.A1111;

/// <summary>
/// The fields of AUTOMATIC1111 / Forge's <c>/sdapi/v1/txt2img</c> body GenAgent sets (its documented schema,
/// StableDiffusionProcessingTxt2Img); anything left out keeps the server's default.
/// </summary>
internal sealed record Txt2ImgRequest(
    string Prompt, long Seed, int Width, int Height, int? Steps, double? CfgScale, string? NegativePrompt, int BatchSize = 1, int NIter = 1);

/// <summary><c>/sdapi/v1/img2img</c>: the source image as base64 in <c>init_images</c>, how far to move from it in <c>denoising_strength</c>.</summary>
internal sealed record Img2ImgRequest(
    string Prompt, IReadOnlyList<string> InitImages, double DenoisingStrength, long Seed, int Width, int Height, int? Steps, double? CfgScale,
    string? NegativePrompt, int BatchSize = 1, int NIter = 1);

/// <summary>Both answer <c>{"images": ["&lt;base64 PNG&gt;"], "parameters": {...}, "info": "&lt;JSON text&gt;"}</c>.</summary>
internal sealed record A1111Reply(IReadOnlyList<string>? Images, string? Info);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Txt2ImgRequest))]
[JsonSerializable(typeof(Img2ImgRequest))]
[JsonSerializable(typeof(A1111Reply))]
internal sealed partial class A1111JsonContext : JsonSerializerContext;
