namespace GenAgent.Core.Protocol.Wire;

/// <summary>A JSON Schema object with string properties only; every GenAgent tool takes one required string.</summary>
internal sealed record ParametersSchema(string Type, IReadOnlyDictionary<string, PropertySchema> Properties, IReadOnlyList<string> Required);
