using System.ComponentModel.DataAnnotations;
using GenAgent.Core.Sessions;

namespace GenAgent.Discord.Sessions.Hosting;

/// <summary>
/// How GenAgent behaves in Discord, bound from the same <c>Discord</c> section as the client's options
/// (<c>Discord__PublicBaseUrl</c> and so on). Guild admins override the safety defaults with <c>/settings server</c>.
/// </summary>
public sealed class DiscordSessionsOptions
{
    public const string SectionName = "Discord";

    /// <summary>
    /// The externally reachable base of this API (https://genagent.example.com), for the Trajectory button's report
    /// link. Without it the final message has no Trajectory button.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// How long a finished episode keeps listening for buttons and thread replies, in seconds. A click after it starts a
    /// continuation session (same prompt plus the instruction) instead.
    /// </summary>
    [Range(0, SessionOptions.MaxFollowUpWindowSeconds)]
    public int FollowUpWindowSeconds { get; set; } = 3600;

    /// <summary>Sessions one user may have running at once, unless the guild sets its own cap (and always in DMs).</summary>
    [Range(1, 100)]
    public int DefaultMaxConcurrentPerUser { get; set; } = 2;

    /// <summary>The effort of a session whose user chose none.</summary>
    public Effort DefaultEffort { get; set; } = Effort.Medium;

    /// <summary>Whether sessions post their rounds in a thread unless the user chose otherwise.</summary>
    public bool DefaultThreads { get; set; } = true;

    /// <summary>Words that make a prompt NSFW besides the built-in list (matched like the blocklist).</summary>
    public IList<string> NsfwTerms { get; } = [];

    /// <summary>
    /// How long <c>/imagine</c> waits for the session to start before it acknowledges anyway (deferred); the start then
    /// finishes in the background and reports a late refusal by editing the deferred reply.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:02.500")]
    public TimeSpan StartBudget { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>
    /// How far an interaction's signed timestamp may lie from now, in seconds, before it is refused as a replay; within
    /// it, a repeated interaction id is answered once.
    /// </summary>
    [Range(5, 3600)]
    public int SignatureWindowSeconds { get; set; } = 300;
}
