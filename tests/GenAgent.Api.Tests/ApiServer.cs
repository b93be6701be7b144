using GenAgent.Api;
using GenAgent.Api.Hosting;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Core.Quotas;
using GenAgent.Core.Protocol;
using GenAgent.Workflow.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Api.Tests;

/// <summary>
/// The API as <c>genagent serve</c> builds it, on Kestrel at a free 127.0.0.1 port, over one in-process engine with the
/// offline profile. Three servers share the engine: an open one, one with an API key, and a restricted one (small images, generation only) that may fetch image URLs.
/// </summary>
public sealed class ApiServer : IAsyncLifetime
{
    public const string ApiKey = "test-key-1234";

    private readonly string _storePath = Directory.CreateTempSubdirectory("genagent-api-").FullName;
    private readonly List<WebApplication> _apps = [];

    public InProcessSessionEngine Engine { get; private set; } = null!;

    public IImageStore Store { get; private set; } = null!;

    public HttpClient Open { get; private set; } = null!;

    public HttpClient Keyed { get; private set; } = null!;

    public HttpClient Restricted { get; private set; } = null!;

    /// <summary>One session at a time per user.</summary>
    public HttpClient Capped { get; private set; } = null!;

    /// <summary>The kill switch is on.</summary>
    public HttpClient SwitchedOff { get; private set; } = null!;

    /// <summary>With the offline sketch judge, as genagent serve registers it for POST /api/rewards.</summary>
    public HttpClient Judged { get; private set; } = null!;

    /// <summary>A PNG that every server also serves at <c>/test/input.png</c>, as an image URL to download.</summary>
    public byte[] ServedPng { get; } = TestImages.Png(32, 24);

    public async Task InitializeAsync()
    {
        var options = ProfileConfiguration.Bind(new ConfigurationBuilder().AddGenAgentProfiles().Build(), "offline");
        options.Store.Path = _storePath;
        Engine = await InProcessSessionEngine.CreateAsync(options);
        Store = Engine.Services.GetRequiredService<IImageStore>();

        Open = await StartAsync(new ApiOptions());
        Keyed = await StartAsync(new ApiOptions { ApiKey = ApiKey });
        Restricted = await StartAsync(new ApiOptions { AllowImageUrlFetch = true, MaxImageBytes = 64 * 1024, AvailableTools = [ToolNames.Generate] });
        Capped = await StartAsync(new ApiOptions(), a => a.MaxConcurrentPerUser = 1);
        SwitchedOff = await StartAsync(new ApiOptions(), a => a.KillSwitch = true);
        Judged = await StartAsync(new ApiOptions(), configure: b => b.Services.AddSingleton<GenAgent.Core.Judging.IImageJudge>(new GenAgent.Sketch.SketchImageJudge()));
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Open.Dispose();
        Keyed.Dispose();
        Restricted.Dispose();
        Capped.Dispose();
        SwitchedOff.Dispose();
        Judged.Dispose();
        await Engine.DisposeAsync();
        Directory.Delete(_storePath, recursive: true);
    }

    private async Task<HttpClient> StartAsync(ApiOptions api, Action<AdmissionOptions>? admission = null, Action<WebApplicationBuilder>? configure = null)
    {
        var app = ServeHost.Build(Engine, Store, api, "http://127.0.0.1:0", admission, configure);
        app.MapGet("/test/input.png", () => Results.Bytes(ServedPng, "image/png"));
        await app.StartAsync();
        _apps.Add(app);
        return new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromMinutes(2) };
    }
}
