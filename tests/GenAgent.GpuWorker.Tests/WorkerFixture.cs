namespace GenAgent.GpuWorker.Tests;

/// <summary>One worker with default settings (OCR loaded) shared by the endpoint tests; batching tests start their own.</summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    private TestWorker? _worker;

    internal TestWorker Worker => _worker ?? throw new InvalidOperationException("The worker has not started.");

    public async Task InitializeAsync() => _worker = await TestWorker.StartAsync();

    public async Task DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WorkerCollection : ICollectionFixture<WorkerFixture>
{
    public const string Name = "shared worker";
}
