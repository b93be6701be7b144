namespace GenAgent.Workflow.Tests.Fakes;

/// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, so a test could read before the report lands).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
