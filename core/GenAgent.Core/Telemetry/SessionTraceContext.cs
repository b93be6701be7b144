using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace GenAgent.Core.Telemetry;

/// <summary>
/// The trace a session's spans belong to, computed from the session id alone. Durable activities do not inherit the
/// caller's span (each is its own work item, dispatched from a queue), so a shared parent is derived instead: the same
/// id yields the same trace id and the same virtual root span id in every process. The root itself is never exported;
/// trace viewers show the spans of a session side by side under it.
/// </summary>
public static class SessionTraceContext
{
    public static ActivityContext For(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(sessionId), hash);
        var traceId = ActivityTraceId.CreateFromBytes(hash[..16]);
        var spanId = ActivitySpanId.CreateFromBytes(hash.Slice(16, 8));
        return new ActivityContext(traceId, spanId, ActivityTraceFlags.Recorded, isRemote: true);
    }
}
