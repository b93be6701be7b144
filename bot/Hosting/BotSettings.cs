using GenAgent.Api;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Discord;
using Microsoft.Extensions.Configuration;

namespace GenAgent.Bot.Hosting;

/// <summary>
/// What the worker reads before it starts anything: the GenAgent profile (offline by default), the durable store if
/// any, the API limits the sessions share with <c>genagent serve</c>, and the Discord keys, checked all at once.
/// </summary>
internal sealed record BotSettings(string Profile, GenAgentOptions GenAgent, ApiOptions Api, AzureStorageConnection? Durable, string TaskHub)
{
    /// <summary>
    /// The storage account of the Azure Storage engine, as a connection string; without it (or the identity form under
    /// <see cref="DurableSection"/>) sessions run in-process and end with the worker.
    /// </summary>
    public const string DurableConnectionKey = "GenAgent:Durable:ConnectionString";

    /// <summary>Keyless accounts: <c>GenAgent:Durable:accountName</c> (+ <c>clientId</c>, <c>credential</c>), as Functions reads connections.</summary>
    public const string DurableSection = "GenAgent:Durable";

    public const string TaskHubKey = "GenAgent:Durable:TaskHub";

    /// <summary>The same hub <c>genagent serve --store</c> uses by default, so both can serve one set of sessions.</summary>
    public const string DefaultTaskHub = "genagent";

    public static BotSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var discord = new DiscordOptions();
        configuration.GetSection(DiscordOptions.SectionName).Bind(discord);
        var problems = DiscordOptionsValidator.Problems(discord);
        if (problems.Count > 0)
        {
            throw new BotConfigurationException(
                "The Discord configuration is not usable:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }

        var profile = configuration[ProfileConfiguration.ProfileKey] ?? ProfileConfiguration.DefaultProfile;
        GenAgentOptions options;
        try
        {
            options = ProfileConfiguration.Bind(configuration, profile);
        }
        catch (InvalidOperationException unknown)
        {
            throw new BotConfigurationException(unknown.Message, unknown);
        }

        var api = new ApiOptions();
        configuration.GetSection(ApiOptions.SectionName).Bind(api);
        api.UseBackends(options);
        AzureStorageConnection? durable;
        if (configuration[DurableConnectionKey] is { Length: > 0 } connectionString)
        {
            durable = AzureStorageConnection.FromConnectionString(connectionString);
            // A session may continue on another worker or in the Functions app, so its images must live in the account too.
            options.Store.Kind = "blob";
            options.Store.ConnectionString = connectionString;
        }
        else
        {
            // Keyless: the blob store is configured on its own (GenAgent:Store:ServiceUri), as infra does.
            durable = AzureStorageConnection.FromConfiguration(configuration, DurableSection);
        }
        return new BotSettings(profile, options, api, durable, configuration[TaskHubKey] ?? DefaultTaskHub);
    }
}
