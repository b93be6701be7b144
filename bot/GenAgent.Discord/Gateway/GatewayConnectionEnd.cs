namespace GenAgent.Discord.Gateway;

/// <summary>Why one connection ended and what the next should do.</summary>
/// <param name="Reason">For the log.</param>
/// <param name="Reidentify">The session is gone: forget it and IDENTIFY instead of RESUME.</param>
/// <param name="Delay">A fixed wait before reconnecting (RECONNECT: none; INVALID_SESSION: 1-5 s); null means backoff.</param>
/// <param name="Established">The connection reached READY or RESUMED, so the backoff starts over.</param>
internal sealed record GatewayConnectionEnd(string Reason, bool Reidentify, TimeSpan? Delay, bool Established);
