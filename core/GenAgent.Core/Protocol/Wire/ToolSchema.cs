namespace GenAgent.Core.Protocol.Wire;

/// <summary>One entry of the &lt;tools&gt; array, in the OpenAI function-schema shape the weights were trained on.</summary>
internal sealed record ToolSchema(string Type, FunctionSchema Function);
