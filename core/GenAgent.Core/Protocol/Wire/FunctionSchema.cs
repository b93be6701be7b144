namespace GenAgent.Core.Protocol.Wire;

internal sealed record FunctionSchema(string Name, string Description, ParametersSchema Parameters);
