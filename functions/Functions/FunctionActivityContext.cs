using Microsoft.DurableTask;

namespace GenAgent.Functions.Functions;

/// <summary>
/// <see cref="TaskActivityContext"/> is abstract and the Functions binding hands an activity only its input and instance
/// id, so the wrappers build this one to call a <see cref="TaskActivity{TInput, TOutput}"/> class as the worker would.
/// </summary>
internal sealed class FunctionActivityContext(string name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = new(name);

    public override string InstanceId { get; } = instanceId;
}
