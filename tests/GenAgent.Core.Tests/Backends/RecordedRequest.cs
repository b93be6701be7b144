using System.Text;
using System.Text.Json;

namespace GenAgent.Core.Tests.Backends;

internal sealed record RecordedRequest(
    string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
