using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenAgent.Discord.Tests.Fakes;

/// <summary>One client connection to the fake gateway: what the client sent, and levers to script the server side.</summary>
public sealed class FakeGatewayConnection
{
    private readonly FakeGateway gateway;
    private readonly WebSocket socket;
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly List<JsonElement> received = [];
    private readonly List<DateTimeOffset> receivedAt = [];
    private readonly Lock receivedLock = new();
    private readonly TaskCompletionSource<WebSocketCloseStatus?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FakeGatewayConnection(FakeGateway gateway, WebSocket socket, string path, string query)
    {
        this.gateway = gateway;
        this.socket = socket;
        Path = path;
        Query = query;
    }

    /// <summary>/gateway for a fresh connection, /resume for one made to the resume_gateway_url.</summary>
    public string Path { get; }

    public string Query { get; }

    /// <summary>Every payload the client sent, in order.</summary>
    public IReadOnlyList<JsonElement> Received
    {
        get
        {
            lock (receivedLock)
            {
                return [.. received];
            }
        }
    }

    /// <summary>When each of <see cref="Received"/> arrived.</summary>
    public IReadOnlyList<DateTimeOffset> ReceivedAt
    {
        get
        {
            lock (receivedLock)
            {
                return [.. receivedAt];
            }
        }
    }

    /// <summary>When the <paramref name="occurrence"/>-th payload with this op arrived.</summary>
    public DateTimeOffset ArrivalOf(int op, int occurrence = 1)
    {
        lock (receivedLock)
        {
            var indexes = received.Select((p, i) => (p, i)).Where(x => x.p.GetProperty("op").GetInt32() == op).Select(x => x.i).ToList();
            return receivedAt[indexes[occurrence - 1]];
        }
    }

    /// <summary>Completes when the connection ends, with the close status the client sent (null when dropped).</summary>
    public Task<WebSocketCloseStatus?> Closed => closed.Task;

    public IEnumerable<JsonElement> ReceivedOp(int op) => Received.Where(p => p.GetProperty("op").GetInt32() == op);

    /// <summary>Waits for the <paramref name="occurrence"/>-th payload with this op from the client.</summary>
    public async Task<JsonElement> WaitForOpAsync(int op, int occurrence = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var matches = ReceivedOp(op).ToList();
            if (matches.Count >= occurrence)
            {
                return matches[occurrence - 1];
            }

            if (DateTimeOffset.UtcNow > deadline || (Closed.IsCompleted && ReceivedOp(op).Count() < occurrence))
            {
                throw new TimeoutException($"The client sent no op {op} (#{occurrence}) on {Path}. Received: {string.Join(" ", Received.Select(r => r.GetRawText()))}");
            }

            await Task.Delay(5);
        }
    }

    public Task SendAsync(int op, object? data, long? sequence = null, string? type = null)
    {
        var payload = new JsonObject
        {
            ["op"] = op,
            ["d"] = data is null ? null : JsonSerializer.SerializeToNode(data),
            ["s"] = sequence,
            ["t"] = type,
        };
        var json = payload.ToJsonString();
        if (sequence is { } s)
        {
            gateway.Record(s, json);
        }

        return SendRawAsync(json);
    }

    public async Task SendRawAsync(string json)
    {
        await sendLock.WaitAsync();
        try
        {
            if (FakeGateway.IsOpen(socket))
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        finally
        {
            sendLock.Release();
        }
    }

    public Task SendHelloAsync(int heartbeatIntervalMs) => SendAsync(10, new { heartbeat_interval = heartbeatIntervalMs });

    /// <summary>An event with the next sequence number.</summary>
    public Task DispatchAsync(string type, object data) => SendAsync(0, data, gateway.NextSequence(), type);

    public Task SendReadyAsync()
    {
        var session = gateway.NewSession();
        return DispatchAsync("READY", new Dictionary<string, object>
        {
            ["v"] = 10,
            ["user"] = new { id = FakeDiscord.BotUserId, username = "GenAgent", bot = true },
            ["session_id"] = session,
            ["resume_gateway_url"] = gateway.Discord.ResumeGatewayUrl,
            ["application"] = new { id = FakeDiscord.ApplicationId },
            ["guilds"] = Array.Empty<object>(),
        });
    }

    public Task SendReconnectAsync() => SendAsync(7, null);

    public Task SendInvalidSessionAsync(bool resumable) => SendAsync(9, resumable);

    /// <summary>Op 1 from the server: the client must heartbeat at once.</summary>
    public Task RequestHeartbeatAsync() => SendAsync(1, null);

    public Task SendHeartbeatAckAsync() => SendAsync(11, null);

    /// <summary>Closes with a Discord close code (4000 unknown error, 4004 authentication failed, ...).</summary>
    public async Task CloseAsync(int code, string reason = "")
    {
        await sendLock.WaitAsync();
        try
        {
            if (FakeGateway.IsOpen(socket))
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cts.Token);
            }
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort()
    {
        // Once the request has ended, Kestrel has disposed the socket's context: nothing is left to drop.
        if (!Closed.IsCompleted)
        {
            socket.Abort();
        }
    }

    internal async Task RunAsync(CancellationToken aborted)
    {
        try
        {
            if (gateway.AutoHello)
            {
                await SendHelloAsync(gateway.HeartbeatIntervalMs);
            }

            var buffer = new byte[4096];
            using var message = new MemoryStream();
            while (FakeGateway.IsOpen(socket))
            {
                var result = await socket.ReceiveAsync(buffer, aborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    closed.TrySetResult(result.CloseStatus);
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    }

                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var payload = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                message.SetLength(0);
                lock (receivedLock)
                {
                    received.Add(payload);
                    receivedAt.Add(DateTimeOffset.UtcNow);
                }

                await AutoRespondAsync(payload);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            closed.TrySetResult(null);
        }
        finally
        {
            closed.TrySetResult(socket.CloseStatus);
        }
    }

    private async Task AutoRespondAsync(JsonElement payload)
    {
        switch (payload.GetProperty("op").GetInt32())
        {
            case 1 when gateway.AutoAck:
                await SendHeartbeatAckAsync();
                break;
            case 2 when gateway.AutoReady:
                await SendReadyAsync();
                break;
            case 6 when gateway.AutoReady:
                var resume = payload.GetProperty("d");
                if (resume.GetProperty("session_id").GetString() == gateway.SessionId)
                {
                    var seq = resume.TryGetProperty("seq", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : 0;
                    foreach (var missed in gateway.DispatchesAfter(seq))
                    {
                        await SendRawAsync(missed);
                    }

                    await DispatchAsync("RESUMED", new { });
                }
                else
                {
                    await SendInvalidSessionAsync(false);
                }

                break;
        }
    }
}
