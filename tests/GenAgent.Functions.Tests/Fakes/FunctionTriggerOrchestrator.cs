using System.Reflection;
using Microsoft.DurableTask;

namespace GenAgent.Functions.Tests.Fakes;

/// <summary>
/// Hands each orchestration work item to an [OrchestrationTrigger] function, invoked by reflection as the Functions
/// worker invokes it. It implements the untyped interface on purpose: the Durable analyzers follow the context into
/// any orchestration they recognise and crash (AD0001) on a method whose source lives in another assembly; the
/// function itself is analyzed where it is compiled.
/// </summary>
internal sealed class FunctionTriggerOrchestrator(MethodInfo function, Type inputType) : ITaskOrchestrator
{
    public Type InputType => inputType;

    public Type OutputType => function.ReturnType.GetGenericArguments()[0];

    public static FunctionTriggerOrchestrator For(Type functions, string method, Type inputType) =>
        new(functions.GetMethod(method) ?? throw new ArgumentException($"{functions.Name} has no {method}.", nameof(method)), inputType);

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var task = (Task)function.Invoke(null, [context])!;
        await task;
        return task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
    }
}
