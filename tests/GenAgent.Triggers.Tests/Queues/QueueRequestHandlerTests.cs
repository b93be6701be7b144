using GenAgent.Core.Sessions;
using GenAgent.Workflow.Starting;
using Azure.Storage.Queues;
using GenAgent.Triggers.Queues;
using GenAgent.Triggers.Tests.Fakes;

namespace GenAgent.Triggers.Tests.Queues;

public sealed class QueueRequestHandlerTests : IAsyncLifetime
{
    private readonly RecordingSessionEngine _engine = new();
    private readonly TriggerOptions _options = new();
    private QueueClient _poison = null!;

    public async Task InitializeAsync()
    {
        await Azurite.RequireAsync();
        _poison = new QueueClient(Azurite.ConnectionString, Azurite.UniqueName("poison"));
    }

    public async Task DisposeAsync() => await _poison.DeleteIfExistsAsync();

    private QueueRequestHandler Handler() => new(_engine, _poison, _options, new StartRules(new SessionOptions()));

    [Fact]
    public async Task Message_starts_a_session_named_by_the_message_id()
    {
        var result = await Handler().HandleQueueMessageAsync("msg-1", """{"prompt": "a red kite", "options": {"maxImages": 2}}""", 1);

        Assert.Equal(new QueueMessageResult(QueueMessageOutcome.Started, "msg-1"), result);
        Assert.Equal(2, _engine.Sessions["msg-1"].Options.MaxImages);
        Assert.False(await _poison.ExistsAsync());
    }

    [Fact]
    public async Task Message_with_an_id_uses_it_and_a_redelivery_starts_nothing_new()
    {
        const string message = """{"prompt": "a red kite", "id": "customer/7"}""";

        var first = await Handler().HandleQueueMessageAsync("msg-1", message, 1);
        var again = await Handler().HandleQueueMessageAsync("msg-2", message, 1);

        Assert.Equal(SessionIds.FromExternalId("customer/7"), first.SessionId);
        Assert.Equal(first.SessionId, again.SessionId);
        Assert.Equal(1, _engine.Schedules);
    }

    [Fact]
    public async Task A_prompt_over_the_limit_every_front_door_shares_is_refused()
    {
        var message = $$"""{"prompt": "{{new string('a', GenAgent.Core.Sessions.SessionLimits.DefaultMaxPromptLength + 1)}}"}""";

        var result = await Handler().HandleQueueMessageAsync("msg-long", message, 1);

        Assert.Equal(QueueMessageOutcome.Poisoned, result.Outcome);
        Assert.Contains("the limit is 2000", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"prompt\": ", "not valid JSON")]
    [InlineData("{\"options\": {\"maxImages\": 1}}", "prompt is required")]
    [InlineData("{\"prompt\": \"x\", \"options\": {\"maxImages\": 99}}", "maxImages")]
    public async Task Invalid_message_goes_to_the_poison_queue_with_the_reason(string message, string reason)
    {
        var result = await Handler().HandleQueueMessageAsync("msg-bad", message, 1);

        Assert.Equal(QueueMessageOutcome.Poisoned, result.Outcome);
        var envelope = await SinglePoisonAsync();
        Assert.Contains(reason, envelope.Reason, StringComparison.Ordinal);
        Assert.Equal(message, envelope.Original);
        Assert.Equal("msg-bad", envelope.MessageId);
        Assert.Empty(_engine.Sessions);
    }

    [Fact]
    public async Task Failing_start_is_retried_until_the_last_delivery_then_poisoned()
    {
        _engine.FailStartsWith = new InvalidOperationException("the task hub is unreachable");
        const string message = """{"prompt": "a red kite"}""";

        await Assert.ThrowsAsync<InvalidOperationException>(() => Handler().HandleQueueMessageAsync("msg-3", message, 4));
        Assert.False(await _poison.ExistsAsync());

        var result = await Handler().HandleQueueMessageAsync("msg-3", message, _options.MaxDequeueCount);

        Assert.Equal(QueueMessageOutcome.Poisoned, result.Outcome);
        var envelope = await SinglePoisonAsync();
        Assert.Contains("delivery 5 of 5", envelope.Reason, StringComparison.Ordinal);
        Assert.Contains("the task hub is unreachable", envelope.Reason, StringComparison.Ordinal);
        Assert.Equal(5, envelope.DequeueCount);
    }

    private async Task<PoisonEnvelope> SinglePoisonAsync()
    {
        var messages = (await _poison.ReceiveMessagesAsync(maxMessages: 10)).Value;
        return Assert.Single(messages).Body.ToObjectFromJson(TriggerJson.Default.PoisonEnvelope)!;
    }
}
