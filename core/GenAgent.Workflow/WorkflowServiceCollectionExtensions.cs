using GenAgent.Core.Protocol.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GenAgent.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the workflow itself needs (its <see cref="WorkflowOptions"/>). The agent, tools and store come from
    /// <c>AddGenAgentCore</c>; observers are added as <see cref="Progress.ISessionObserver"/> services.
    /// </summary>
    public static IServiceCollection AddGenAgentWorkflow(this IServiceCollection services, WorkflowOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(options ?? new WorkflowOptions());
        // AddGenAgentCore registers the configured protocol; a host that wires its own agent gets the general one.
        services.TryAddSingleton(AgentProtocol.General);
        services.AddLogging();
        return services;
    }
}
