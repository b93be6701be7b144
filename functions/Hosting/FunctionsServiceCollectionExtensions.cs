using GenAgent.Core.Quotas;
using System.ComponentModel.DataAnnotations;
using GenAgent.Api;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Core.Judging;
using GenAgent.Core.Judging.GenEval;
using GenAgent.Sketch;
using GenAgent.Core.Protocol;
using GenAgent.Core.Telemetry;
using GenAgent.Discord.Sessions.Hosting;
using GenAgent.Discord.Sessions.Posting;
using GenAgent.Functions.Triggers;
using GenAgent.Triggers;
using GenAgent.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;

namespace GenAgent.Functions.Hosting;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the agent, tools and store of the selected profile (<c>GenAgent:Profile</c>), the workflow's options and
    /// the session API's services. The Durable extension itself needs no registration: its worker startup adds it.
    /// </summary>
    public static IServiceCollection AddGenAgentFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var core = ProfileConfiguration.Bind(configuration, configuration[ProfileConfiguration.ProfileKey]);
        var workflow = configuration.GetSection(WorkflowOptionsSection).Get<WorkflowOptions>() ?? new WorkflowOptions();
        var api = new ApiOptions();
        configuration.GetSection(ApiOptions.SectionName).Bind(api);
        api.UseBackends(core);

        services.AddGenAgentCore(core);
        services.AddGenAgentWorkflow(workflow);
        // Every instance of the app shares the counters, so they live in the app's storage account.
        if (AzureStorageConnection.FromConfiguration(configuration, StorageConnectionSetting) is { } storage) services.AddGenAgentTableAdmission(storage);
        services.AddGenAgentApi(api);
        // The judge of POST /api/rewards: the GenEval VLM judge on the configured judge endpoint, else the offline one.
        services.AddSingleton<IImageJudge>(sp => core.Judge.IsConfigured
            ? new GenEvalVlmJudge(sp.GetRequiredService<JudgeChatClient>().Client)
            : new SketchImageJudge());
        AddTriggers(services, configuration);
        // Sessions' traces and metrics through the one extension every host calls; the worker defaults join them to the
        // host's invocation traces (host.json telemetryMode OpenTelemetry), to Application Insights when its connection
        // string is set.
        services.AddGenAgentTelemetry("genagent-functions", configuration);
        services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        // Discord (interactions endpoint + progress posts in the publish activity) only when Discord__* is set.
        if (DiscordSessionsServiceCollectionExtensions.IsDiscordConfigured(configuration))
        {
            services.AddDiscordSessions(configuration);
            services.AddDiscordPosting();
        }
        return services;
    }

    /// <summary>
    /// What the trigger handlers run on. Their own registration (AddGenAgentTriggers) would make them singletons over one
    /// engine; here each invocation builds them over its durable client (<see cref="TriggerHandlers"/>).
    /// </summary>
    private static void AddTriggers(IServiceCollection services, IConfiguration configuration)
    {
        var triggers = new TriggerOptions();
        configuration.GetSection(TriggerOptions.SectionName).Bind(triggers);
        Validator.ValidateObject(triggers, new ValidationContext(triggers), validateAllProperties: true);
        services.AddSingleton(triggers);
        services.TryAddSingleton(TimeProvider.System);
        // Resolved only when a queue or storage trigger runs, so the HTTP API works without a storage connection string.
        services.TryAddSingleton(_ => StorageConnection(configuration).CreateQueueServiceClient());
        services.TryAddSingleton(_ => StorageConnection(configuration).CreateBlobServiceClient());
        services.AddScoped<TriggerHandlers>();
    }

    /// <summary>A connection string, or in Azure the identity form (<c>AzureWebJobsStorage__accountName</c>, <c>__credential</c>, <c>__clientId</c>).</summary>
    private static AzureStorageConnection StorageConnection(IConfiguration configuration) =>
        AzureStorageConnection.FromConfiguration(configuration, StorageConnectionSetting)
            ?? throw new InvalidOperationException(
                $"{StorageConnectionSetting} must hold a storage connection string (UseDevelopmentStorage=true for Azurite), or {StorageConnectionSetting}__accountName an identity-based one.");

    /// <summary>The Functions runtime's own storage setting; the triggers use the same account.</summary>
    public const string StorageConnectionSetting = "AzureWebJobsStorage";

    /// <summary>Where the workflow's retry settings are bound from.</summary>
    public const string WorkflowOptionsSection = "GenAgent:Workflow";
}
