using System.Text.Json;
using System.Text.Json.Serialization;

namespace GenAgent.Core.Backends.OpenAI;

/// <summary>The reply of an OpenAI-compatible <c>GET /models</c>: <c>{"data": [{"id": "..."}]}</c>.</summary>
internal sealed record ServedModels(IReadOnlyList<ServedModel>? Data);

internal sealed record ServedModel(string? Id);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ServedModels))]
internal sealed partial class ServedModelsJsonContext : JsonSerializerContext;
