namespace GenAgent.Cli.Hosting;

/// <summary>Owns several disposables and disposes them all, in reverse order.</summary>
internal sealed class AsyncDisposables<T> : IAsyncDisposable where T : IAsyncDisposable
{
    private readonly List<T> _items = [];

    public IReadOnlyList<T> Items => _items;

    public void Add(T item) => _items.Add(item);

    public async ValueTask DisposeAsync()
    {
        for (var i = _items.Count - 1; i >= 0; i--) await _items[i].DisposeAsync();
    }
}
