using GenAgent.GpuWorker.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace GenAgent.GpuWorker.Hosting;

/// <summary>Builds the serving host: the same path for <c>dotnet run</c>, the container and the tests.</summary>
public static class WorkerApp
{
    /// <summary><c>--models</c> is short for <c>--Models:Path</c>.</summary>
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--models"] = ModelsOptions.SectionName + ":Path",
    };

    /// <param name="args">Host arguments (<c>--models</c>, <c>--urls</c>, any <c>--Section:Key value</c>).</param>
    /// <param name="customize">Runs after configuration is read and before the models load; tests replace services here.</param>
    /// <exception cref="WorkerStartupException">The configuration, the models or the provider policy make serving impossible.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        builder.Configuration.AddCommandLine(args, SwitchMappings);
        customize?.Invoke(builder);
        builder.AddGpuWorker();
        var app = builder.Build();
        app.MapGpuWorkerApi();
        return app;
    }
}
