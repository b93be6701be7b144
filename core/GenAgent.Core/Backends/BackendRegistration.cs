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
        if (options.Backend == BackendNames.Sketch)
        {
            services.AddSingleton<IImageGenerator>(_ => OfflineWorld.Get().CreateGenerator());
            return;
        }
        Func<HttpClient, IImageGenerator> create = options.Backend switch
        {
            BackendNames.OpenAIImages => http => new OpenAIImagesClient(http, options, "Generator"),
            BackendNames.GenAgentServer => http => new GenAgentServerGenerator(http, options),
            BackendNames.A1111 => http => new A1111Generator(http, options),
            BackendNames.ComfyUI => http => new ComfyGenerator(http, options),
            _ => throw Unknown("Generator", options.Backend, [.. BackendCapabilities.ToolNames]),
        };
        AddHttpTool(services, BackendHttpClients.Generator, options, tune, create);
    }

    public static void AddEditor(IServiceCollection services, ToolOptions options, Action<HttpStandardResilienceOptions>? tune)
    {
        switch (options.Backend)
        {
            case "":
                return;
            case BackendNames.Sketch:
                services.AddSingleton<IImageEditor>(_ => OfflineWorld.Get().CreateEditor());
                return;
        }
        Func<HttpClient, IImageEditor> create = options.Backend switch
        {
            BackendNames.OpenAIImages => http => new OpenAIImagesClient(http, options, "Editor"),
            BackendNames.GenAgentServer => http => new GenAgentServerEditor(http, options),
            BackendNames.A1111 => http => new A1111Editor(http, options),
            BackendNames.ComfyUI => http => new ComfyEditor(http, options),
            _ => throw Unknown("Editor", options.Backend, [.. BackendCapabilities.ToolNames]),
        };
        AddHttpTool(services, BackendHttpClients.Editor, options, tune, create);
    }

    /// <summary>An image tool over HTTP: its named, resilient client, and the tool made from it once.</summary>
    private static void AddHttpTool<TTool>(
        IServiceCollection services, string clientName, ToolOptions options, Action<HttpStandardResilienceOptions>? tune, Func<HttpClient, TTool> create)
        where TTool : class
    {
        services.AddBackendHttpClient(clientName, options.TimeoutSeconds, tune);
        services.AddSingleton(sp => create(Client(sp, clientName)));
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
