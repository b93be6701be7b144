using Azure.Core.Serialization;
using GenAgent.Core.Sessions;
using GenAgent.Functions.Tests.Fakes;
using GenAgent.Workflow.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GenAgent.Functions.Tests.Engine;

/// <summary>
/// In Functions the Durable extension serializes orchestration inputs, outputs and status with the worker's
/// serializer, not the Durable Task default the other engines use. A workflow type that lost data on that path would
/// break only in Azure, so the real shapes of a finished session go through the worker's default serializer here.
/// </summary>
public sealed class WorkerSerializerTests
{
    [Fact]
    public async Task A_sessions_input_trajectory_and_progress_survive_the_functions_worker_serializer()
    {
        await using var host = await FunctionsEngineHost.StartAsync();
        var id = await host.Engine.StartAsync(new SessionRequest(
            "a photo of a red apple on the left and a blue cup on the right", new SessionOptions { Width = 64, Height = 64 }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ended = await host.Engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token);
        var metadata = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        var input = metadata!.ReadInputAs<SessionInput>()!;
        var serializer = WorkerDefaultSerializer();

        AssertRoundTrips(serializer, input);
        AssertRoundTrips(serializer, ended.Trajectory!);
        AssertRoundTrips(serializer, ended.Progress!);
        Assert.NotEmpty(ended.Trajectory!.Turns);
    }

    private static ObjectSerializer WorkerDefaultSerializer()
    {
        var services = new ServiceCollection();
        services.AddFunctionsWorkerCore();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer
            ?? throw new InvalidOperationException("The worker configured no serializer.");
    }

    /// <summary>Compares through the Durable Task default converter: the records hold lists, so JSON is the equality that matters.</summary>
    private static void AssertRoundTrips<T>(ObjectSerializer serializer, T value)
    {
        var json = serializer.Serialize(value, typeof(T), CancellationToken.None);
        var back = (T?)serializer.Deserialize(json.ToStream(), typeof(T), CancellationToken.None);

        Assert.NotNull(back);
        Assert.Equal(JsonDataConverter.Default.Serialize(value), JsonDataConverter.Default.Serialize(back));
    }
}
