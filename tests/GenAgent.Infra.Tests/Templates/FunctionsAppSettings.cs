namespace GenAgent.Infra.Tests.Templates;

/// <summary>
/// The one list of app settings the Functions app reads, each with where it is read. The template tests check that
/// infra sets every one, and that every key of functions/local.settings.json.example is covered here.
/// </summary>
internal static class FunctionsAppSettings
{
    /// <summary>Set on every deployment.</summary>
    public static readonly IReadOnlyDictionary<string, string> Always = new Dictionary<string, string>
    {
        // The runtime's storage as identity (the __ form replaces the connection string); the triggers and the admission
        // table read the same connection: functions/Hosting/FunctionsServiceCollectionExtensions.StorageConnectionSetting.
        ["AzureWebJobsStorage__accountName"] = "Functions host, Durable extension; FunctionsServiceCollectionExtensions.StorageConnectionSetting",
        ["AzureWebJobsStorage__credential"] = "Functions host: managedidentity selects the identity form",
        ["AzureWebJobsStorage__clientId"] = "Functions host and AzureStorageConnection: which user-assigned identity",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "Functions host telemetry (Application Insights)",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Functions host: Entra auth to Application Insights (local auth is off)",
        ["GenAgent__Profile"] = "ProfileConfiguration.ProfileKey, read in FunctionsServiceCollectionExtensions.AddGenAgentFunctions",
        ["GenAgent__Store__Kind"] = "core/GenAgent.Core/Configuration/GenAgentOptions.cs StoreOptions.Kind",
        ["GenAgent__Store__ServiceUri"] = "StoreOptions.ServiceUri (identity instead of ConnectionString)",
        ["GenAgent__Store__ClientId"] = "StoreOptions.ClientId (the user-assigned identity)",
        ["GenAgent__Store__Container"] = "StoreOptions.Container",
        ["GenAgent__Triggers__RequestsContainer"] = "core/GenAgent.Triggers/TriggerOptions.cs RequestsContainer",
        ["GenAgent__Triggers__ResultsContainer"] = "TriggerOptions.ResultsContainer",
        ["GenAgent__Triggers__RequestsQueue"] = "TriggerOptions.RequestsQueue",
        ["GenAgent__Triggers__PoisonQueue"] = "TriggerOptions.PoisonQueue",
        ["GenAgent__Triggers__RetentionDays"] = "TriggerOptions.RetentionDays (and the storage lifecycle rule)",
        ["GenAgent__Admission__MaxConcurrentPerUser"] = "core/GenAgent.Core/Quotas/AdmissionOptions.cs",
        ["GenAgent__Admission__MaxConcurrentGlobal"] = "AdmissionOptions.MaxConcurrentGlobal",
        ["GenAgent__Admission__KillSwitch"] = "AdmissionOptions.KillSwitch",
        ["Discord__PublicBaseUrl"] = "Discord interactions in the Functions app (links in posts)",
        // A Key Vault reference to a key each deployment makes (checked in the secret test).
        ["GenAgent__Api__ApiKey"] = "core/GenAgent.Api/ApiOptions.cs ApiKey: signs report and image links (functions/Functions/SessionHttpFunctions.cs)",
    };

    /// <summary>Set only when given: an empty value would override the profile's own value with nothing.</summary>
    public static readonly IReadOnlyDictionary<string, string> WhenGiven = new Dictionary<string, string>
    {
        ["GenAgent__Agent__Backend"] = "GenAgentOptions.Agent (overrides the profile)",
        ["GenAgent__Agent__BaseUrl"] = "GenAgentOptions.Agent.BaseUrl",
        ["GenAgent__Agent__Model"] = "GenAgentOptions.Agent.Model",
        ["GenAgent__Generator__Backend"] = "GenAgentOptions.Generator (genagent-server = the GPU worker)",
        ["GenAgent__Generator__BaseUrl"] = "GenAgentOptions.Generator.BaseUrl (the GPU worker's URL)",
        ["GenAgent__Generator__Model"] = "GenAgentOptions.Generator.Model",
        ["GenAgent__Editor__Backend"] = "GenAgentOptions.Editor",
        ["GenAgent__Editor__BaseUrl"] = "GenAgentOptions.Editor.BaseUrl",
        ["GenAgent__Editor__Model"] = "GenAgentOptions.Editor.Model",
        ["Discord__ApplicationId"] = "DiscordOptions.ApplicationId (section Discord)",
    };

    /// <summary>Secrets: Key Vault references only, set when the secret was given.</summary>
    public static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string>
    {
        ["Discord__BotToken"] = "DiscordOptions.BotToken",
        ["Discord__PublicKey"] = "DiscordOptions.PublicKey (verifies interaction signatures)",
        ["GenAgent__Agent__ApiKey"] = "GenAgentOptions.Agent.ApiKey",
        ["GenAgent__Generator__ApiKey"] = "GenAgentOptions.Generator.ApiKey",
        ["GenAgent__Editor__ApiKey"] = "GenAgentOptions.Editor.ApiKey",
    };

    /// <summary>Keys of local.settings.json.example that Azure gets in another form, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> ReplacedInAzure = new Dictionary<string, string>
    {
        ["AzureWebJobsStorage"] = "AzureWebJobsStorage__accountName",
        ["GenAgent__Store__ConnectionString"] = "GenAgent__Store__ServiceUri",
        // Flex Consumption takes the runtime from functionAppConfig.runtime and rejects this app setting.
        ["FUNCTIONS_WORKER_RUNTIME"] = "functionAppConfig.runtime",
    };

    public static IEnumerable<string> All => Always.Keys.Concat(WhenGiven.Keys).Concat(Secrets.Keys);
}
