using Microsoft.Extensions.Options;

namespace GenAgent.Core.Tests.Quotas;

/// <summary>Options a test changes while the code under test runs, as a configuration reload would.</summary>
internal sealed class SettableOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; set; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
