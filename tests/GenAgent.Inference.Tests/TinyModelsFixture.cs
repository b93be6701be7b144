using GenAgent.Inference.Models;
using GenAgent.Inference.Runtime;
using GenAgent.Inference.TestModels;

namespace GenAgent.Inference.Tests;

/// <summary>One tiny model set on disk and one loaded catalog (CPU) shared by the tests that generate.</summary>
public sealed class TinyModelsFixture : IDisposable
{
    public TinyModelsFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "genagent-inference-tests", Guid.NewGuid().ToString("N"));
        TinyModelSet.Write(Folder);
        Factory = new OrtSessionFactory(ProviderPolicy.Cpu);
        Catalog = ModelCatalog.Load(Folder, Factory);
    }

    public string Folder { get; }

    public OrtSessionFactory Factory { get; }

    public ModelCatalog Catalog { get; }

    public void Dispose()
    {
        Catalog.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class TinyModelsCollection : ICollectionFixture<TinyModelsFixture>
{
    public const string Name = "tiny models";
}
