using System.ComponentModel.DataAnnotations;
using GenAgent.Core.Backends;
using GenAgent.Core.Images;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenAgent.Core.Configuration;

public static class GenAgentServiceCollectionExtensions
{
    private static readonly string[] AgentBackends = [BackendNames.OpenAI, BackendNames.Sketch];

    /// <summary>
    /// Registers the agent <c>IChatClient</c>, <c>IImageGenerator</c>, <c>IImageEditor</c> (when an editor backend is set)
    /// and <c>IImageStore</c> chosen by <paramref name="options"/>, with HTTP clients from IHttpClientFactory and the
    /// standard resilience handler. Throws a clear error when a backend needs a setting that is missing.
    /// </summary>
    public static IServiceCollection AddGenAgentCore(this IServiceCollection services, GenAgentOptions options) =>
        AddGenAgentCore(services, options, tuneResilience: null);

    /// <param name="services">The service collection.</param>
    /// <param name="options">The bound options.</param>
    /// <param name="tuneResilience">Adjusts every backend's resilience handler after the defaults; tests shrink delays with it.</param>
    internal static IServiceCollection AddGenAgentCore(
        IServiceCollection services, GenAgentOptions options, Action<HttpStandardResilienceOptions>? tuneResilience)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The GenAgent configuration is not usable:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }

        SecretRedactor.Register(options.Agent.ApiKey, options.Generator.ApiKey, options.Editor.ApiKey, options.Judge.ApiKey, options.Store.ConnectionString);
        services.AddSingleton(options);
        services.AddSingleton<IOptions<GenAgentOptions>>(Options.Create(options));
        BackendRegistration.AddAgent(services, options.Agent, tuneResilience);
        BackendRegistration.AddGenerator(services, options.Generator, tuneResilience);
        BackendRegistration.AddEditor(services, options.Editor, tuneResilience);
        BackendRegistration.AddJudge(services, options.Judge, tuneResilience);
        services.AddSingleton<IImageStore>(_ => CreateStore(options.Store));
        services.AddSingleton(provider =>
        {
            var protocol = AgentProtocol.Load(options.Agent);
            // Hosts without a console of their own (Functions, the bot) say it in their log, once.
            if (protocol.Warning is { } warning)
                provider.GetService<ILoggerFactory>()?.CreateLogger("GenAgent.Protocol").LogWarning("{Warning}", warning);
            return protocol;
        });
        return services;
    }

    /// <summary>Every problem with <paramref name="options"/>, each naming the configuration key to fix; empty when usable.</summary>
    public static IReadOnlyList<string> Validate(GenAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        Annotations(options.Agent, "Agent", problems);
        Annotations(options.Generator, "Generator", problems);
        Annotations(options.Editor, "Editor", problems);
        Annotations(options.Store, "Store", problems);
        Annotations(options.Judge, "Judge", problems);

        var agent = options.Agent;
        if (ProtocolProfiles.Find(agent.Protocol) is null)
        {
            problems.Add($"GenAgent:Agent:Protocol '{agent.Protocol}' is unknown; use {string.Join(", ", ProtocolProfiles.Names)}.");
        }

        if (!string.IsNullOrWhiteSpace(agent.SystemPromptFile) && !File.Exists(agent.SystemPromptFile))
        {
            problems.Add($"GenAgent:Agent:SystemPromptFile '{agent.SystemPromptFile}' does not exist.");
        }

        if (!AgentBackends.Contains(agent.Backend))
        {
            problems.Add(BackendRegistration.UnknownMessage("Agent", agent.Backend, AgentBackends));
        }
        else if (agent.Backend == BackendNames.OpenAI)
        {
            // No model name is fine: the endpoint's first served model is used (GET /models).
            RequireUrl(agent.BaseUrl, "Agent", problems);
        }

        if (options.Judge.IsConfigured) RequireUrl(options.Judge.BaseUrl, "Judge", problems);
        ToolProblems(options.Generator, "Generator", problems);
        if (!string.IsNullOrEmpty(options.Editor.Backend))
        {
            ToolProblems(options.Editor, "Editor", problems);
        }

        StoreProblems(options.Store, problems);
        return problems;
    }

    private static void ToolProblems(ToolOptions tool, string section, List<string> problems)
    {
        if (BackendCapabilities.Find(tool.Backend) is not { } capabilities)
        {
            problems.Add(BackendRegistration.UnknownMessage(section, tool.Backend, [.. BackendCapabilities.ToolNames]));
            return;
        }

        problems.AddRange(capabilities.Ignored(tool, section));

        if (tool.Backend == BackendNames.Sketch)
        {
            return;
        }

        RequireUrl(tool.BaseUrl, section, problems);
        if (tool.Backend == BackendNames.OpenAIImages && string.IsNullOrWhiteSpace(tool.Model))
        {
            problems.Add($"GenAgent:{section}:Model is required for the openai-images backend, e.g. gpt-image-1.");
        }
        if (tool.Backend == BackendNames.ComfyUI && !string.IsNullOrWhiteSpace(tool.Workflow) && !File.Exists(tool.Workflow))
        {
            problems.Add($"GenAgent:{section}:Workflow '{tool.Workflow}' does not exist; export the workflow with ComfyUI's \"Save (API)\".");
        }
        if (tool.Backend == BackendNames.ComfyUI && string.IsNullOrWhiteSpace(tool.Workflow) && string.IsNullOrWhiteSpace(tool.Model))
        {
            problems.Add($"GenAgent:{section}:Model (the checkpoint file, e.g. sd_xl_turbo_1.0.safetensors) or GenAgent:{section}:Workflow is required for the comfyui backend.");
        }
        if (tool.Backend == BackendNames.A1111 && !string.IsNullOrEmpty(tool.ApiKey) && !tool.ApiKey.Contains(':', StringComparison.Ordinal))
        {
            problems.Add($"GenAgent:{section}:ApiKey for the a1111 backend is the WebUI's --api-auth pair, user:password.");
        }
    }

    private static void StoreProblems(StoreOptions store, List<string> problems)
    {
        switch (store.Kind)
        {
            case "local" when string.IsNullOrWhiteSpace(store.Path):
                problems.Add("GenAgent:Store:Path is required for the local store.");
                break;
            case "local":
                break;
            case "blob" when string.IsNullOrWhiteSpace(store.ConnectionString) && string.IsNullOrWhiteSpace(store.ServiceUri):
                problems.Add("GenAgent:Store:ConnectionString is required for the blob store (UseDevelopmentStorage=true for Azurite), or GenAgent:Store:ServiceUri to reach it with Entra ID.");
                break;
            case "blob" when string.IsNullOrWhiteSpace(store.ConnectionString)
                && (!Uri.TryCreate(store.ServiceUri, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)):
                problems.Add($"GenAgent:Store:ServiceUri '{store.ServiceUri}' is not an absolute http(s) URL (https://<account>.blob.core.windows.net/).");
                break;
            case "blob" when string.IsNullOrWhiteSpace(store.Container):
                problems.Add("GenAgent:Store:Container is required for the blob store.");
                break;
            case "blob":
                break;
            default:
                problems.Add($"GenAgent:Store:Kind '{store.Kind}' is unknown; use local or blob.");
                break;
        }
    }

    private static void RequireUrl(string? url, string section, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            problems.Add($"GenAgent:{section}:BaseUrl is required for the selected backend.");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"GenAgent:{section}:BaseUrl '{url}' is not an absolute http(s) URL.");
        }
    }

    private static void Annotations(object section, string name, List<string> problems)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
        {
            problems.AddRange(results.Select(r => $"GenAgent:{name}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }

    private static IImageStore CreateStore(StoreOptions store) => store.Kind switch
    {
        "local" => new LocalImageStore(store.Path),
        "blob" => new BlobImageStore(StoreConnection(store).CreateBlobContainerClient(store.Container)),
        _ => throw new InvalidOperationException($"GenAgent:Store:Kind '{store.Kind}' is unknown; use local or blob."),
    };

    /// <summary>The blob store's account: the connection string when set (it wins), else the endpoint with Entra ID.</summary>
    internal static AzureStorageConnection StoreConnection(StoreOptions store) =>
        string.IsNullOrWhiteSpace(store.ConnectionString)
            ? AzureStorageConnection.FromBlobServiceUri(new Uri(store.ServiceUri!), store.ClientId)
            : AzureStorageConnection.FromConnectionString(store.ConnectionString);
}
