namespace GenAgent.Core.Protocol;

public enum ProtocolErrorKind
{
    /// <summary>Neither a tool call nor an answer.</summary>
    NoAction,
    /// <summary>Both a tool call and an answer, or several tool calls.</summary>
    AmbiguousAction,
    /// <summary>The tool call body is not JSON even after tolerant repair.</summary>
    MalformedToolCall,
    /// <summary>The tool call names a tool the weights do not know.</summary>
    UnknownTool,
    /// <summary>The tool call lacks its required string argument.</summary>
    MissingArgument,
    /// <summary>The model replied with nothing.</summary>
    Empty,
}
