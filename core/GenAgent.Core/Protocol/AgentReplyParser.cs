namespace GenAgent.Core.Protocol;

/// <summary>Splits assistant text into think / judge / tool call / answer, tolerating what real models emit.</summary>
public static class AgentReplyParser
{
    /// <summary>Parses <paramref name="raw"/>; throws <see cref="ProtocolViolationException"/> (and nothing else) when it breaks the protocol.</summary>
    public static AgentReply Parse(string raw) => throw new NotImplementedException("protocol helper");
}
