using System.Text.Json.Serialization;

namespace GenAgent.GpuWorker.Wire;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(ImagesGenerationBody))]
[JsonSerializable(typeof(ImagesReply))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(PaperGenerateBody))]
[JsonSerializable(typeof(PaperGenerateReply))]
[JsonSerializable(typeof(ClipJudgeBody))]
[JsonSerializable(typeof(ClipJudgeReply))]
[JsonSerializable(typeof(TextJudgeBody))]
[JsonSerializable(typeof(TextJudgeReply))]
[JsonSerializable(typeof(HealthReply))]
internal sealed partial class WorkerJsonContext : JsonSerializerContext;
