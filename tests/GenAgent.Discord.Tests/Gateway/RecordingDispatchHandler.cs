using System.Collections.Concurrent;
using GenAgent.Discord.Gateway;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Tests.Gateway;

/// <summary>Keeps what the gateway delivered; can be told to fail on a message to show the stream survives it.</summary>
internal sealed class RecordingDispatchHandler : IGatewayDispatchHandler
{
    private readonly ConcurrentQueue<DiscordUser> readies = new();
    private readonly ConcurrentQueue<DiscordMessage> messages = new();

    public string? FailOnContent { get; set; }

    public IReadOnlyList<DiscordUser> Readies => [.. readies];

    public IReadOnlyList<DiscordMessage> Messages => [.. messages];

    public Task OnReadyAsync(DiscordUser botUser, CancellationToken cancellationToken)
    {
        readies.Enqueue(botUser);
        return Task.CompletedTask;
    }

    public Task OnMessageCreateAsync(DiscordMessage message, CancellationToken cancellationToken)
    {
        messages.Enqueue(message);
        return message.Content == FailOnContent ? throw new InvalidOperationException("the handler failed") : Task.CompletedTask;
    }

    public async Task WaitAsync(Func<RecordingDispatchHandler, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition(this))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The handler saw {Readies.Count} READY and {Messages.Count} messages.");
            }

            await Task.Delay(5);
        }
    }
}
