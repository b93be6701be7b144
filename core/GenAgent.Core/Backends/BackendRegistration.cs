using GenAgent.Core.Backends.A1111;
using GenAgent.Core.Backends.ComfyUI;
using GenAgent.Core.Backends.GenAgentServer;
using GenAgent.Core.Backends.Offline;
using GenAgent.Core.Backends.OpenAI;
using GenAgent.Core.Backends.OpenAIImages;
using GenAgent.Core.Configuration;
using GenAgent.Core.Judging;
using GenAgent.Core.Tools;
using IChatClient = Microsoft.Extensions.AI.IChatClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace GenAgent.Core.Backends;

/// <summary>Registers the backend each options section names. Names were validated before these run.</summary>
internal static class BackendRegistration
{
    public static void AddAgent(IServiceCollection services, AgentOptions options, Action<HttpStandardResilienceOptions>? tune)
    {
        switch (options.Backend)
        {
            case BackendNames.OpenAI:
                services.AddBackendHttpClient(BackendHttpClients.Agent, options.TimeoutSeconds, tune);
                services.AddSingleton<IChatClient>(sp =>
                    OpenAIChatClientFactory.Create(options, sp.GetRequiredService<IHttpClientFactory>().CreateClient(BackendHttpClients.Agent)));
                break;
            case BackendNames.Sketch:
                services.AddSingleton<IChatClient>(_ => OfflineWorld.Get().CreateAgent());
                break;
            default:
                throw Unknown("Agent", options.Backend, BackendNames.OpenAI, BackendNames.Sketch);
        }
    }

    /// <summary>Registers <see cref="JudgeChatClient"/> when <c>GenAgent:Judge:BaseUrl</c> is set.</summary>
    public static void AddJudge(IServiceCollection services, JudgeOptions options, Action<HttpStandardResilienceOptions>? tune)
    {
        if (!options.IsConfigured) return;
        services.AddBackendHttpClient(BackendHttpClients.Judge, options.TimeoutSeconds, tune);
        services.AddSingleton(sp => new JudgeChatClient(
            OpenAIChatClientFactory.Create(options.AsAgent(), sp.GetRequiredService<IHttpClientFactory>().CreateClient(BackendHttpClients.Judge))));
    }

    public static void AddGenerator(IServiceCollection services, ToolOptions options, Action<HttpStandardResilienceOptions>? tune)
    {
        switch (options.Backend)
        {
            case BackendNames.OpenAIImages:
                services.AddBackendHttpClient(BackendHttpClients.Generator, options.TimeoutSeconds, tune);
                services.AddSingleton<IImageGenerator>(sp => new OpenAIImagesClient(Client(sp, BackendHttpClients.Generator), options, "Generator"));
                break;
            case BackendNames.GenAgentServer:
                services.AddBackendHttpClient(BackendHttpClients.Generator, options.TimeoutSeconds, tune);
                services.AddSingleton<IImageGenerator>(sp => new GenAgentServerGenerator(Client(sp, BackendHttpClients.Generator), options));
                break;
            case BackendNames.A1111:
                services.AddBackendHttpClient(BackendHttpClients.Generator, options.TimeoutSeconds, tune);
                services.AddSingleton<IImageGenerator>(sp => new A1111Generator(Client(sp, BackendHttpClients.Generator), options));
                break;
            case BackendNames.ComfyUI:
                services.AddBackendHttpClient(BackendHttpClients.Generator, options.TimeoutSeconds, tune);
                services.AddSingleton<IImageGenerator>(sp => new ComfyGenerator(Client(sp, BackendHttpClients.Generator), options));
                break;
            case BackendNames.Sketch:
                services.AddSingleton<IImageGenerator>(_ => OfflineWorld.Get().CreateGenerator());
                break;
            default:
                throw Unknown("Generator", options.Backend, [.. BackendCapabilities.ToolNames]);
        }
    }

    public static void AddEditor(IServiceCollection services, ToolOptions options, Action<HttpStandardResilienceOptions>? tune)
    {
        switch (options.Backend)
        {
            case "":
                break;
            case BackendNames.OpenAIImages:
                services.AddBackendHttpClient(BackendHttpClients.Editor, options.TimeoutSeconds, tune);
                services.AddSingleton<IImageEditor>(sp => new OpenAIImagesClient(Client(sp, BackendHttpClients.Editor), options, "Editor"));
                break;
            case BackendNames.GenAgentServer:
                services.AddBackendHttpClient(BackendHttpClients.Editor, options.TimeoutSeconds, tune);
                services.AddSingleton<IImageEditor>(sp => new GenAgentServerEditor(Client(sp, BackendHttpClients.Editor), options));
                break;
            case BackendNames.A1111:
                services.AddBackendHttpClient(BackendHttpClients.Editor, options.TimeoutSeconds, tune);
                services.AddSingleton<IImageEditor>(sp => new A1111Editor(Client(sp, BackendHttpClients.Editor), options));
                break;
            case BackendNames.ComfyUI:
                services.AddBackendHttpClient(BackendHttpClients.Editor, options.TimeoutSeconds, tune);
                services.AddSingleton<IImageEditor>(sp => new ComfyEditor(Client(sp, BackendHttpClients.Editor), options));
                break;
            case BackendNames.Sketch:
                services.AddSingleton<IImageEditor>(_ => OfflineWorld.Get().CreateEditor());
                break;
            default:
                throw Unknown("Editor", options.Backend, [.. BackendCapabilities.ToolNames]);
        }
    }

    /// <summary>The message for a backend name nothing implements, naming the key and the choices.</summary>
    public static string UnknownMessage(string section, string? name, params string[] allowed) =>
        $"GenAgent:{section}:Backend '{name}' is unknown; use {string.Join(", ", allowed[..^1])} or {allowed[^1]}"
        + (section == "Editor" ? ", or leave it empty to disable editing." : ".");

    private static InvalidOperationException Unknown(string section, string? name, params string[] allowed) =>
        new(UnknownMessage(section, name, allowed));

    private static HttpClient Client(IServiceProvider services, string name) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(name);
}
