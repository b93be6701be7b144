using System.Text.Json;
using System.Text.Json.Serialization;
using GenAgent.Workflow.Activities;

namespace GenAgent.Workflow;

/// <summary>The shapes the workflow stores itself (cached model replies).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgentTurnResult))]
[JsonSerializable(typeof(CompareImagesResult))]
internal sealed partial class WorkflowJson : JsonSerializerContext;
