namespace GenAgent.Discord.Gateway;

/// <summary>What the heartbeat loop and the receive loop of one connection share.</summary>
internal sealed class HeartbeatState
{
    private int awaitingAck;

    /// <summary>The last heartbeat went unanswered until the next was due: the connection is dead.</summary>
    public bool Zombie { get; set; }

    /// <summary>READY or RESUMED arrived on this connection.</summary>
    public bool Established { get; set; }

    /// <summary>Marks a heartbeat sent; false when the previous one was never acknowledged.</summary>
    public bool TrySend() => Interlocked.Exchange(ref awaitingAck, 1) == 0;

    public bool AwaitingAck => Volatile.Read(ref awaitingAck) == 1;

    public void Acknowledged() => Volatile.Write(ref awaitingAck, 0);
}
