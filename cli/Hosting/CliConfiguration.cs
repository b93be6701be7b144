using GenAgent.Api;
using GenAgent.Core.Configuration;
using GenAgent.Core.Protocol.Profiles;
using Microsoft.Extensions.Configuration;

namespace GenAgent.Cli.Hosting;

/// <summary>
/// Configuration in rising priority: built-in profiles, appsettings.json next to the binary, user-secrets
/// (id genagent-cli), environment variables (<c>GenAgent__Agent__ApiKey</c>).
/// </summary>
internal static class CliConfiguration
{
    public static IConfigurationRoot Build() => new ConfigurationBuilder()
        .AddGenAgentProfiles()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddUserSecrets(typeof(CliConfiguration).Assembly, optional: true)
        .AddEnvironmentVariables()
        .Build();

    /// <summary>The options of the profile named by the flag, else by <c>GenAgent:Profile</c>, else offline.</summary>
    public static (string Profile, GenAgentOptions Options) Resolve(IConfiguration configuration, string? profileFlag)
    {
        var profile = string.IsNullOrWhiteSpace(profileFlag)
            ? configuration[ProfileConfiguration.ProfileKey] ?? ProfileConfiguration.DefaultProfile
            : profileFlag;
        GenAgentOptions options;
        try
        {
            options = ProfileConfiguration.Bind(configuration, profile);
        }
        catch (InvalidOperationException unknown)
        {
            throw new CliException(unknown.Message);
        }

        RequireKeys(profile, options);
        return (profile, options);
    }

    /// <summary>
    /// The API's limits (<c>GenAgent:Api</c>) fitted to the profile's backends: what <c>serve</c> answers with and what
    /// <c>run</c> checks its prompt, options and image by, so both refuse what the other front doors refuse.
    /// </summary>
    public static ApiOptions Api(IConfiguration configuration, GenAgentOptions options, string? apiKeyFlag = null)
    {
        var api = new ApiOptions();
        configuration.GetSection(ApiOptions.SectionName).Bind(api);
        if (!string.IsNullOrEmpty(apiKeyFlag)) api.ApiKey = apiKeyFlag;
        return api.UseBackends(options);
    }

    /// <summary>
    /// The configured agent protocol, with its one warning line on stderr when a genagent profile has no imported prompt.
    /// </summary>
    public static AgentProtocol Protocol(GenAgentOptions options)
    {
        AgentProtocol protocol;
        try
        {
            protocol = AgentProtocol.Load(options.Agent);
        }
        catch (Exception bad) when (bad is ArgumentException or InvalidOperationException or IOException)
        {
            throw new CliException(bad.Message);
        }

        if (protocol.Warning is { } warning) Console.Error.WriteLine($"genagent: warning: {warning}");
        return protocol;
    }

    /// <summary>
    /// A hosted API without a key fails on the first call, minutes into a session; say so before anything starts.
    /// Servers on this machine (vLLM, the reference tool servers) usually need no key.
    /// </summary>
    private static void RequireKeys(string profile, GenAgentOptions options)
    {
        if (options.Agent.Backend == BackendNames.OpenAI && NeedsKey(options.Agent.BaseUrl, options.Agent.ApiKey))
            throw MissingKey(profile, "Agent");
        if (options.Generator.Backend == BackendNames.OpenAIImages && NeedsKey(options.Generator.BaseUrl, options.Generator.ApiKey))
            throw MissingKey(profile, "Generator");
        if (options.Editor.Backend == BackendNames.OpenAIImages && NeedsKey(options.Editor.BaseUrl, options.Editor.ApiKey))
            throw MissingKey(profile, "Editor");
        if (options.Judge.IsConfigured && NeedsKey(options.Judge.BaseUrl, options.Judge.ApiKey))
            throw MissingKey(profile, "Judge");
    }

    private static bool NeedsKey(string? baseUrl, string? apiKey) =>
        string.IsNullOrWhiteSpace(apiKey)
        && Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri)
        && !uri.IsLoopback;

    private static CliException MissingKey(string profile, string part) => new(
        $"profile '{profile}' has no API key for the {part.ToLowerInvariant()}: set GenAgent__{part}__ApiKey " +
        $"or run `dotnet user-secrets set GenAgent:{part}:ApiKey <key> --id genagent-cli`.");
}
