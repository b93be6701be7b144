using GenAgent.Core.Sessions;
using GenAgent.Workflow.Starting;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using GenAgent.Core.Images;
using GenAgent.Triggers.Blobs;
using GenAgent.Triggers.Events;
using GenAgent.Triggers.Queues;
using GenAgent.Triggers.Retention;
using GenAgent.Triggers.Tests.Fakes;
using GenAgent.Workflow.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Triggers.Tests;

public sealed class TriggersServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Every_handler_resolves_from_what_the_host_registers()
    {
        var options = new TriggerOptions { PoisonQueue = "custom-poison" };
        var services = new ServiceCollection()
            .AddSingleton<ISessionEngine, RecordingSessionEngine>()
            .AddSingleton<IImageStore>(new BlobImageStore(new BlobContainerClient(Azurite.ConnectionString, "store")))
            .AddSingleton(new BlobServiceClient(Azurite.ConnectionString))
            .AddSingleton(new QueueServiceClient(Azurite.ConnectionString))
            .AddSingleton(new StartRules(new SessionOptions()))
            .AddGenAgentTriggers(options);
        await using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<CloudEventsHandler>());
        Assert.NotNull(provider.GetRequiredService<BlobRequestsRunner>());
        Assert.NotNull(provider.GetRequiredService<QueueRequestHandler>());
        Assert.NotNull(provider.GetRequiredService<RetentionJob>());
        Assert.Same(options, provider.GetRequiredService<TriggerOptions>());
    }

    [Fact]
    public async Task Retention_job_refuses_a_local_store()
    {
        var services = new ServiceCollection()
            .AddSingleton<IImageStore>(new LocalImageStore(Path.GetTempPath()))
            .AddGenAgentTriggers();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<RetentionJob>());
        Assert.Contains("blob image store", error.Message, StringComparison.Ordinal);
    }
}
