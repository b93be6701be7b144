using System.Net.Http.Json;
using System.Text.Json;
using GenAgent.GpuWorker.Batching;
using GenAgent.GpuWorker.Hosting;
using GenAgent.GpuWorker.Models;
using GenAgent.Inference.TestModels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenAgent.GpuWorker.Tests;

/// <summary>The worker on real Kestrel at 127.0.0.1 (port 0), serving the tiny model set from a temp folder.</summary>
internal sealed class TestWorker : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestWorker(WebApplication app, GatedBatchRunner runner, Uri baseAddress)
    {
        _app = app;
        Runner = runner;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public GatedBatchRunner Runner { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Extra configuration, e.g. ("Worker:MaxQueue", "1").</param>
    public static async Task<TestWorker> StartAsync(params (string Key, string Value)[] settings)
    {
        var args = new List<string> { "--models", TestModelFolder.Path, "--urls", "http://127.0.0.1:0", "--Worker:Provider", "cpu", "--Ocr:Path", RepositoryPaths.OcrModels };
        foreach (var (key, value) in settings)
        {
            args.Add("--" + key);
            args.Add(value);
        }

        GatedBatchRunner? gated = null;
        var app = WorkerApp.Build(args.ToArray(), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IBatchRunner>(sp => gated = new GatedBatchRunner(new PipelineBatchRunner(sp.GetRequiredService<WorkerModels>())));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestWorker(app, gated!, new Uri(address + "/"));
    }

    public async Task<JsonElement> HealthAsync()
    {
        using var response = await Http.GetAsync("health");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> ModelHealthAsync(string model)
    {
        var health = await HealthAsync();
        return health.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("name").GetString() == model);
    }

    /// <summary>Polls /health until <paramref name="condition"/> holds for <paramref name="model"/>; fails after 20 s.</summary>
    public async Task WaitForModelAsync(string model, Func<JsonElement, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (condition(await ModelHealthAsync(model)))
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"Model {model} never reached: {what}. Last health: {await ModelHealthAsync(model)}");
    }

    public async ValueTask DisposeAsync()
    {
        Runner.Open();
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
