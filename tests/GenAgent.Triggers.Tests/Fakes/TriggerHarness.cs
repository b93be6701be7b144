using GenAgent.Core.Sessions;
using GenAgent.Workflow.Starting;
using Azure.Storage.Blobs;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Triggers.Blobs;
using GenAgent.Triggers.Events;
using GenAgent.Workflow.Engine;
using Microsoft.Extensions.Configuration;

namespace GenAgent.Triggers.Tests.Fakes;

/// <summary>
/// Triggers over Azurite with containers of their own, and either the offline in-process engine (real sessions) or a
/// <see cref="RecordingSessionEngine"/>. Keep real sessions to two or three per test: the in-memory backend runs two
/// work items at once.
/// </summary>
internal sealed class TriggerHarness : IAsyncDisposable
{
    /// <summary>A small, quick request in the offline world.</summary>
    public const string SmallOptions = """{"maxImages": 1, "width": 256, "height": 256}""";

    private TriggerHarness(ISessionEngine engine, BlobContainerClient storeContainer)
    {
        Engine = engine;
        StoreContainer = storeContainer;
        Blobs = new BlobServiceClient(Azurite.ConnectionString);
        Options = new TriggerOptions
        {
            RequestsContainer = Azurite.UniqueName("requests"),
            ResultsContainer = Azurite.UniqueName("results"),
        };
        Store = new BlobImageStore(storeContainer);
        Runner = new BlobRequestsRunner(engine, Store, Blobs, Options, Rules);
    }

    public ISessionEngine Engine { get; }
    public BlobContainerClient StoreContainer { get; }
    public BlobServiceClient Blobs { get; }
    public TriggerOptions Options { get; }

    /// <summary>The start rule of a server with every tool and the stock defaults.</summary>
    public StartRules Rules { get; } = new(new SessionOptions());
    public IImageStore Store { get; }
    public BlobRequestsRunner Runner { get; }

    public CloudEventsHandler Handler(IRequestFileScheduler? scheduler = null) => new(Engine, Runner, Options, Rules, scheduler);

    public BlobContainerClient Requests => Blobs.GetBlobContainerClient(Options.RequestsContainer);
    public BlobContainerClient Results => Blobs.GetBlobContainerClient(Options.ResultsContainer);

    public static async Task<TriggerHarness> WithOfflineEngineAsync()
    {
        await Azurite.RequireAsync();
        var core = ProfileConfiguration.Bind(new ConfigurationBuilder().AddGenAgentProfiles().Build(), "offline");
        core.Store.Kind = "blob";
        core.Store.ConnectionString = Azurite.ConnectionString;
        core.Store.Container = Azurite.UniqueName("store");
        var engine = await InProcessSessionEngine.CreateAsync(core);
        return new TriggerHarness(engine, new BlobContainerClient(Azurite.ConnectionString, core.Store.Container));
    }

    public static async Task<TriggerHarness> WithRecordingEngineAsync()
    {
        await Azurite.RequireAsync();
        return new TriggerHarness(new RecordingSessionEngine(), new BlobContainerClient(Azurite.ConnectionString, Azurite.UniqueName("store")));
    }

    public RecordingSessionEngine Recording => (RecordingSessionEngine)Engine;

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await StoreContainer.DeleteIfExistsAsync();
        await Requests.DeleteIfExistsAsync();
        await Results.DeleteIfExistsAsync();
    }
}
