namespace GenAgent.Core.Protocol.Wire;

internal sealed record PropertySchema(string Type, string Description);
