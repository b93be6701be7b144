namespace GenAgent.Discord.Sessions.Tests.Flow;

/// <summary>
/// One server and one engine for every test that talks to the endpoint; they run one after another because the
/// in-process backend runs only a couple of work items at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DiscordCollection : ICollectionFixture<DiscordServer>
{
    public const string Name = "discord";
}
