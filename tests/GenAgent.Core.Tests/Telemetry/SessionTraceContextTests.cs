using System.Diagnostics;
using GenAgent.Core.Telemetry;

namespace GenAgent.Core.Tests.Telemetry;

public sealed class SessionTraceContextTests
{
    [Fact]
    public void The_same_session_id_gives_the_same_trace_in_every_call_and_other_ids_another()
    {
        var first = SessionTraceContext.For("session-1");
        var again = SessionTraceContext.For("session-1");
        var other = SessionTraceContext.For("session-2");

        Assert.Equal(first.TraceId, again.TraceId);
        Assert.Equal(first.SpanId, again.SpanId);
        Assert.NotEqual(first.TraceId, other.TraceId);
        Assert.NotEqual(default, first.TraceId);
        Assert.True(first.IsRemote);
        Assert.Equal(ActivityTraceFlags.Recorded, first.TraceFlags);
    }

    [Fact]
    public void A_null_session_id_is_refused() =>
        Assert.Throws<ArgumentNullException>(() => SessionTraceContext.For(null!));
}
