using GenAgent.Core.Configuration;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Workflow.Tests.Orchestrations;

/// <summary>Effort high on the Azure Storage engine (Azurite): the candidates are sub-orchestrations resolved by name through the shims.</summary>
public sealed class HighEffortAzureStorageTests
{
    [Fact]
    public async Task Four_candidates_fan_out_and_the_tournament_picks_one_of_them()
    {
        await Azurite.RequireAsync();
        using var folder = new TempFolder();
        var core = new GenAgentOptions { Store = new StoreOptions { Path = folder.Path } };
        await using var services = new ServiceCollection().AddLogging().AddGenAgentCore(core).BuildServiceProvider();
        await using var engine = await AzureStorageSessionEngine.CreateAsync(
            new AzureStorageEngineOptions(Azurite.ConnectionString, Azurite.UniqueTaskHub("gahigh")), services);

        var options = new SessionOptions { Effort = Effort.High, Candidates = 4, Width = 128, Height = 128 };
        var id = await engine.StartAsync(new SessionRequest("a photo of three green cups", options));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var snapshot = await engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token);

        Assert.Equal(SessionRuntimeStatus.Completed, snapshot.Status);
        var trajectory = snapshot.Trajectory!;
        Assert.Equal(OutcomeKind.Done, trajectory.Outcome!.Kind);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"{id}~c{i}"), trajectory.Candidates!.Select(c => c.SessionId));
        Assert.Equal([1, 1, 2], trajectory.Comparisons!.Select(c => c.Round));
        Assert.Contains(trajectory.FinalImage, trajectory.Candidates!.Select(c => c.FinalImage));
        Assert.Equal(trajectory.Candidates![trajectory.Comparisons![^1].Winner].FinalImage, trajectory.FinalImage);
    }
}
