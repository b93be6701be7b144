using GenAgent.Functions.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Functions.Tests.Fakes;

/// <summary>
/// The services the Functions app registers (<see cref="FunctionsServiceCollectionExtensions.AddGenAgentFunctions"/>),
/// from configuration as the host would pass it: the offline profile and a local store in a temp folder.
/// </summary>
internal sealed class OfflineApp : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _root;

    public OfflineApp(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = OfflineConfiguration.For(_folder.Path, settings);
        var services = new ServiceCollection();
        services.AddGenAgentFunctions(configuration);
        _root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public IServiceProvider Root => _root;

    /// <summary>A scope like the one the worker opens per invocation.</summary>
    public IServiceScope Invocation() => _root.CreateScope();

    public void Dispose()
    {
        _root.Dispose();
        _folder.Dispose();
    }
}
