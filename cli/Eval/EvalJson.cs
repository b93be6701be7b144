using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenAgent.Cli.Eval;

/// <summary>The run folder's files: <c>results.jsonl</c> one compact line per sample, <c>run.json</c> and <c>summary.json</c> indented.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EvalResult))]
[JsonSerializable(typeof(EvalPlan))]
[JsonSerializable(typeof(EvalSummary))]
internal sealed partial class EvalJson : JsonSerializerContext
{
    public static EvalJson Indented { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    });
}
