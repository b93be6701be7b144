using System.Net;
using System.Net.Sockets;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Engine.InProcess;

/// <summary>
/// A task hub in this process: the in-memory backend behind its gRPC sidecar on a loopback port, and a worker and
/// client connected to it, as the package's test host wires them, but over <see cref="UnthrottledOrchestrationService"/>
/// so work items are not rationed to the core count.
/// </summary>
internal sealed class InMemoryTaskHub : IAsyncDisposable
{
    /// <summary>Work items of each kind in flight at once: far above any session count an embedded engine meets.</summary>
    public const int MaxWorkItems = 1000;

    private readonly IHost _sidecar;
    private readonly IHost _worker;
    private readonly GrpcChannel _channel;

    private InMemoryTaskHub(IHost sidecar, IHost worker, GrpcChannel channel)
    {
        _sidecar = sidecar;
        _worker = worker;
        _channel = channel;
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
    }

    public DurableTaskClient Client { get; }

    /// <summary>The worker's services: what the activities resolve.</summary>
    public IServiceProvider Services => _worker.Services;

    public static async Task<InMemoryTaskHub> StartAsync(
        Action<DurableTaskRegistry> tasks, Action<IServiceCollection> configureServices, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var backend = new UnthrottledOrchestrationService(new InMemoryOrchestrationService(loggerFactory), MaxWorkItems);
        var address = $"http://127.0.0.1:{FreePort()}";
        // A bare host: the sidecar must not pick up the application's appsettings (a Kestrel endpoint there would move it).
        var sidecar = new HostBuilder()
            .ConfigureLogging(logging => logging.ClearProviders().Services.AddSingleton(loggerFactory))
            .ConfigureWebHostDefaults(web => web
                .UseUrls(address)
                .ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2))
                .ConfigureServices(services =>
                {
                    services.AddGrpc();
                    services.AddSingleton<IOrchestrationService>(backend);
                    services.AddSingleton<IOrchestrationServiceClient>(backend);
                    services.AddSingleton<TaskHubGrpcServer>();
                })
                .Configure(app => app.UseRouting().UseEndpoints(endpoints => endpoints.MapGrpcService<TaskHubGrpcServer>())))
            .Build();
        await sidecar.StartAsync(cancellationToken).ConfigureAwait(false);

        var channel = GrpcChannel.ForAddress(address);
        IHost? worker = null;
        try
        {
            worker = Host.CreateDefaultBuilder()
                .ConfigureLogging(logging => logging.ClearProviders().Services.AddSingleton(loggerFactory))
                .ConfigureServices(services =>
                {
                    configureServices(services);
                    services.AddDurableTaskWorker(builder =>
                    {
                        builder.UseGrpc(channel);
                        builder.AddTasks(tasks);
                        builder.Configure(options =>
                        {
                            options.Concurrency.MaximumConcurrentActivityWorkItems = MaxWorkItems;
                            options.Concurrency.MaximumConcurrentOrchestrationWorkItems = MaxWorkItems;
                        });
                    });
                    services.AddDurableTaskClient(builder =>
                    {
                        builder.UseGrpc(channel);
                        builder.RegisterDirectly();
                    });
                })
                .Build();
            await worker.StartAsync(cancellationToken).ConfigureAwait(false);
            return new InMemoryTaskHub(sidecar, worker, channel);
        }
        catch
        {
            worker?.Dispose();
            channel.Dispose();
            await sidecar.StopAsync(CancellationToken.None).ConfigureAwait(false);
            sidecar.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync().ConfigureAwait(false);
        _worker.Dispose();
        await _channel.ShutdownAsync().ConfigureAwait(false);
        _channel.Dispose();
        await _sidecar.StopAsync().ConfigureAwait(false);
        _sidecar.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
