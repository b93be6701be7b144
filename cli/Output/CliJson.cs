using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenAgent.Cli.Output;

/// <summary>The JSON the CLI prints with <c>--json</c>: camelCase, enums as strings.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(RunResult))]
[JsonSerializable(typeof(StatusResult))]
[JsonSerializable(typeof(JudgeResultJson))]
[JsonSerializable(typeof(GenAgent.Core.Training.Rewards.RewardBreakdown))]
internal sealed partial class CliJson : JsonSerializerContext;
