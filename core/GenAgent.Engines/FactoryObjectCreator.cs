using DurableTask.Core;

namespace GenAgent.Workflow.Engine;

/// <summary>Gives the Durable Task Framework a fresh object for each work item (orchestration shims keep per-execution state).</summary>
internal sealed class FactoryObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public FactoryObjectCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    public override T Create() => _create();
}
