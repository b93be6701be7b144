namespace GenAgent.Infra.Tests.Bicep;

/// <summary>Every class that reads infra/ shares one <see cref="BicepWorkspace"/>: lint, build and format run once.</summary>
[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<BicepWorkspace>
{
    public const string Name = "infra";
}
