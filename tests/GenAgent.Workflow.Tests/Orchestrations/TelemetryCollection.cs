namespace GenAgent.Workflow.Tests.Orchestrations;

/// <summary>Session metrics carry no session id (it would explode their cardinality), so tests that read them run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
