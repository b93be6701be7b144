using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace GenAgent.Discord.Tests.Fakes;

/// <summary>
/// The gateway WebSocket. By default it behaves like Discord: HELLO on connect, READY for IDENTIFY, RESUMED for a RESUME
/// of the current session (INVALID_SESSION otherwise), ACK for every heartbeat. Turn those off to script a session by
/// hand through <see cref="FakeGatewayConnection"/>.
/// </summary>
public sealed class FakeGateway(FakeDiscord discord) : IAsyncDisposable
{
    private readonly Channel<FakeGatewayConnection> accepted = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly List<FakeGatewayConnection> connections = [];
    private readonly Lock connectionsLock = new();
    private long sequence;
    private int sessions;

    public int HeartbeatIntervalMs { get; set; } = 1000;

    public bool AutoHello { get; set; } = true;

    public bool AutoReady { get; set; } = true;

    public bool AutoAck { get; set; } = true;

    /// <summary>The session READY handed out last; a RESUME must name it.</summary>
    public string? SessionId { get; private set; }

    public FakeDiscord Discord { get; } = discord;

    public IReadOnlyList<FakeGatewayConnection> Connections
    {
        get
        {
            lock (connectionsLock)
            {
                return [.. connections];
            }
        }
    }

    public FakeGatewayConnection? Current => Connections.LastOrDefault();

    /// <summary>Waits for the next connection the client opens.</summary>
    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await accepted.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException("The client did not connect to the fake gateway.", e);
        }
    }

    public Task DispatchAsync(string type, object data) =>
        (Current ?? throw new InvalidOperationException("No client is connected to the fake gateway.")).DispatchAsync(type, data);

    /// <summary>Every dispatch sent, so a RESUME replays what the client missed, as Discord does.</summary>
    private readonly List<(long Sequence, string Json)> history = [];

    internal long NextSequence() => Interlocked.Increment(ref sequence);

    internal void Record(long sequenceNumber, string json)
    {
        lock (connectionsLock)
        {
            history.Add((sequenceNumber, json));
        }
    }

    internal IReadOnlyList<string> DispatchesAfter(long sequenceNumber)
    {
        lock (connectionsLock)
        {
            return [.. history.Where(h => h.Sequence > sequenceNumber).OrderBy(h => h.Sequence).Select(h => h.Json)];
        }
    }

    internal string NewSession() => SessionId = "session-" + Interlocked.Increment(ref sessions);

    internal async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(this, socket, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "");
        lock (connectionsLock)
        {
            connections.Add(connection);
        }

        await accepted.Writer.WriteAsync(connection);
        await connection.RunAsync(context.RequestAborted);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var connection in Connections)
        {
            connection.Abort();
        }

        return ValueTask.CompletedTask;
    }

    internal static bool IsOpen(WebSocket socket) => socket.State is WebSocketState.Open or WebSocketState.CloseReceived;
}
