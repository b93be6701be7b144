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
        services.AddLogging();
        return services;
    }
}
