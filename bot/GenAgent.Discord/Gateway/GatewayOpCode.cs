namespace GenAgent.Discord.Gateway;

/// <summary>Gateway opcodes (API v10).</summary>
public enum GatewayOpCode
{
    /// <summary>Receive: an event (t names it, s numbers it).</summary>
    Dispatch = 0,

    /// <summary>Send: keep-alive with the last seq. Receive: send one now.</summary>
    Heartbeat = 1,

    /// <summary>Send: start a new session.</summary>
    Identify = 2,

    /// <summary>Send: update presence.</summary>
    PresenceUpdate = 3,

    /// <summary>Send: join or leave voice.</summary>
    VoiceStateUpdate = 4,

    /// <summary>Send: continue a session after a disconnect, replaying missed events.</summary>
    Resume = 6,

    /// <summary>Receive: reconnect and resume.</summary>
    Reconnect = 7,

    /// <summary>Send: request guild members.</summary>
    RequestGuildMembers = 8,

    /// <summary>Receive: the session is invalid; d says whether it may be resumed.</summary>
    InvalidSession = 9,

    /// <summary>Receive: first frame, with the heartbeat interval.</summary>
    Hello = 10,

    /// <summary>Receive: a heartbeat was received.</summary>
    HeartbeatAck = 11,
}
