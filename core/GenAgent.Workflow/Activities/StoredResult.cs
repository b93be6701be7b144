using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenAgent.Core.Images;

namespace GenAgent.Workflow.Activities;

/// <summary>
/// An activity result kept in the store under a deterministic key, so a re-run after a crash returns it instead of
/// paying the model again.
/// </summary>
internal static class StoredResult
{
    public static async Task<T?> TryGetAsync<T>(IImageStore store, string key, JsonTypeInfo<T> type)
        where T : class
    {
        var bytes = await store.TryGetAsync(key).ConfigureAwait(false);
        if (bytes is null) return null;
        return JsonSerializer.Deserialize(bytes, type) ?? throw new InvalidOperationException($"The stored result at {key} is empty.");
    }

    public static Task PutAsync<T>(IImageStore store, string key, T value, JsonTypeInfo<T> type) =>
        store.PutAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, type), "application/json");
}
