namespace GenAgent.Api.Tests;

/// <summary>
/// One engine for every API test, and the tests run one after another: the in-process backend runs only a couple of
/// work items at once and stalls when its slots are full.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiServer>
{
    public const string Name = "api";
}
