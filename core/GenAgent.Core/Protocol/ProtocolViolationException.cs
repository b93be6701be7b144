namespace GenAgent.Core.Protocol;

/// <summary>The model's output breaks the protocol. Keeps the raw text so it can be shown and corrected.</summary>
public sealed class ProtocolViolationException : Exception
{
    public ProtocolViolationException(ProtocolErrorKind kind, string message, string raw)
        : base(message)
    {
        Kind = kind;
        Raw = raw;
    }

    public ProtocolViolationException() : this(ProtocolErrorKind.Empty, "protocol violation", string.Empty) { }

    public ProtocolViolationException(string message) : this(ProtocolErrorKind.Empty, message, string.Empty) { }

    public ProtocolViolationException(string message, Exception inner) : base(message, inner) => Raw = string.Empty;

    public ProtocolErrorKind Kind { get; }

    public string Raw { get; }
}
