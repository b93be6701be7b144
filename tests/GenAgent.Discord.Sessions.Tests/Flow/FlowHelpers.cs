using System.Text.Json;
using GenAgent.Core.Sessions;
using GenAgent.Discord.Sessions.Links;
using GenAgent.Discord.Sessions.Settings;
using GenAgent.Discord.Tests.Fakes;
using GenAgent.Workflow.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Discord.Sessions.Tests.Flow;

internal static class FlowHelpers
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static DiscordSettingsStore Settings(this DiscordServer server) => server.Services.GetRequiredService<DiscordSettingsStore>();

    public static IDiscordSessionLinks Links(this DiscordServer server) => server.Services.GetRequiredService<IDiscordSessionLinks>();

    /// <summary>
    /// The newest session <paramref name="userId"/> started, other than <paramref name="except"/>. Sessions are recorded
    /// just after the interaction's answer, so this waits for the record.
    /// </summary>
    public static async Task<string> NewestSessionAsync(this DiscordServer server, string userId, string? except = null)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var sessions = await server.Settings().GetSessionsAsync(userId, timeout.Token);
            if (sessions.Entries.FirstOrDefault() is { } newest && newest.SessionId != except) return newest.SessionId;
            await Task.Delay(20, timeout.Token);
        }
    }

    public static async Task<SessionSnapshot> WaitForAsync(this ISessionEngine engine, string sessionId, Func<SessionSnapshot, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            if (await engine.GetAsync(sessionId, timeout.Token) is { } snapshot && condition(snapshot)) return snapshot;
            await Task.Delay(100, timeout.Token);
        }
    }

    public static Task<SessionSnapshot> WaitForEpisodeEndAsync(this ISessionEngine engine, string sessionId, int episode) =>
        engine.WaitForAsync(sessionId, s => s.Progress is { Phase: SessionPhase.AwaitingFollowUp } p && p.Episode == episode);

    /// <summary>Every custom_id in a recorded request's components (JSON or payload_json).</summary>
    public static IReadOnlyList<string> CustomIds(this RecordedRequest request)
    {
        var found = new List<string>();
        if (request.Json is { } json) Collect(json, found);
        return found;
    }

    private static void Collect(JsonElement element, List<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "custom_id" && property.Value.ValueKind == JsonValueKind.String) found.Add(property.Value.GetString()!);
                    else Collect(property.Value, found);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, found);
                break;
        }
    }

    /// <summary>Whether the request posts (or edits in) a message that carries an image file.</summary>
    public static bool CarriesImage(this RecordedRequest request) =>
        request.Method is "POST" or "PATCH" && request.Files.Any(f => f.Content.Length > 8 && f.Content[1] == (byte)'P' || f.ContentType?.StartsWith("image/", StringComparison.Ordinal) == true);
}
