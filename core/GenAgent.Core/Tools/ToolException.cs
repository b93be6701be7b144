namespace GenAgent.Core.Tools;

/// <summary>A model or tool call failed in a way a retry may fix (429, 5xx, timeout, connection reset).</summary>
public sealed class TransientToolException : Exception
{
    public TransientToolException() { }
    public TransientToolException(string message) : base(message) { }
    public TransientToolException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A model or tool call failed in a way a retry will not fix (bad key, bad request, garbage reply).</summary>
public sealed class PermanentToolException : Exception
{
    public PermanentToolException() { }
    public PermanentToolException(string message) : base(message) { }
    public PermanentToolException(string message, Exception inner) : base(message, inner) { }
}
