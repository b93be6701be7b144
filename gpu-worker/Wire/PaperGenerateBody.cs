using System.Text.Json.Serialization;

namespace GenAgent.GpuWorker.Wire;

/// <summary>
/// The paper's <c>POST /generate/</c>: <c>{"prompt": [..], "height", "width", "num_inference_steps",
/// "guidance_scale"}</c>; with <c>"image": [base64]</c> it edits. <c>seed</c> and <c>strength</c> are extensions
/// (the reference server always used seed 0, which stays the default).
/// </summary>
internal sealed record PaperGenerateBody(
    [property: JsonConverter(typeof(StringOrListConverter))] IReadOnlyList<string>? Prompt,
    int? Height,
    int? Width,
    int? NumInferenceSteps,
    float? GuidanceScale,
    [property: JsonConverter(typeof(StringOrListConverter))] IReadOnlyList<string>? Image,
    long? Seed,
    float? Strength);
