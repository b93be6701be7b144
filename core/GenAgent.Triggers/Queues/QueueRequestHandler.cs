using System.Text.Json;
using Azure.Storage.Queues;
using GenAgent.Triggers.Requests;
using GenAgent.Core.Quotas;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Starting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAgent.Triggers.Queues;

/// <summary>
/// Handles a message of the requests queue, <c>{prompt, options?, id?}</c>: starts a session named by <c>id</c> or, without
/// one, by the message id. A message no retry can fix goes to the poison queue at once; one whose start keeps failing
/// goes there on its <see cref="TriggerOptions.MaxDequeueCount"/>th delivery. Before that a failure is thrown, so the
/// host makes the message visible again and retries.
/// </summary>
public sealed class QueueRequestHandler(
    ISessionEngine engine,
    QueueClient poisonQueue,
    TriggerOptions options,
    StartRules rules,
    TimeProvider? time = null,
    ILogger<QueueRequestHandler>? logger = null,
    ISessionAdmission? admission = null)
{
    private readonly SessionLauncher _launcher = new(engine, admission);
    private readonly SessionRequestReader _reader = new(rules);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger<QueueRequestHandler>.Instance;

    public async Task<QueueMessageResult> HandleQueueMessageAsync(
        string messageId, string message, long dequeueCount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentNullException.ThrowIfNull(message);
        ParsedRequest parsed;
        try
        {
            parsed = _reader.Read(BinaryData.FromString(message));
        }
        catch (InvalidSessionRequestException ex)
        {
            return await PoisonAsync(messageId, message, dequeueCount, ex.Message, cancellationToken).ConfigureAwait(false);
        }

        var id = SessionIds.FromExternalId(parsed.Id ?? messageId);
        try
        {
            var launched = await _launcher.LaunchAsync(id, userId: null, parsed.Request, cancellationToken).ConfigureAwait(false);
            // Over a cap: thrown, so the queue shows the message again later; past the last delivery it is parked with the reason.
            if (launched.Refusal is { } refused) throw new SessionRefusedException(refused);
        }
        catch (Exception ex) when (dequeueCount >= options.MaxDequeueCount && !cancellationToken.IsCancellationRequested)
        {
            var reason = $"Starting session {id} failed on delivery {dequeueCount} of {options.MaxDequeueCount}: {ex.GetType().Name}: {ex.Message}";
            return await PoisonAsync(messageId, message, dequeueCount, reason, cancellationToken).ConfigureAwait(false);
        }
        _logger.MessageStarted(messageId, id);
        return new QueueMessageResult(QueueMessageOutcome.Started, id);
    }

    private async Task<QueueMessageResult> PoisonAsync(string messageId, string message, long dequeueCount, string reason, CancellationToken cancellationToken)
    {
        var envelope = new PoisonEnvelope(reason, message, messageId, dequeueCount, _time.GetUtcNow());
        await poisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poisonQueue.SendMessageAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(envelope, TriggerJson.Default.PoisonEnvelope)),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        _logger.MessagePoisoned(messageId, reason);
        return new QueueMessageResult(QueueMessageOutcome.Poisoned, null, reason);
    }
}
