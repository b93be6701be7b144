namespace GenAgent.Discord.Rest;

/// <summary>
/// One call: the concrete path, the template it was built from and its top-level resource. Rate-limit buckets are keyed
/// by the bucket header (or the template until one is known) plus the major resource: requests to two channels never
/// wait on each other.
/// </summary>
internal readonly record struct DiscordRoute(HttpMethod Method, string Path, string Template, string Major, bool UsesBotToken)
{
    public string Key => $"{Method.Method} {Template}";

    public override string ToString() => Key;
}
