using GenAgent.Ocr;

namespace GenAgent.Ocr.Tests.Support;

/// <summary>One engine for every test of the collection: loading the three models is the slow part.</summary>
public sealed class OcrEngineFixture : IDisposable
{
    private readonly Lazy<OcrEngine> _engine = new(() => OcrEngine.Load(OcrModels.Require()));

    public OcrEngine Engine => _engine.Value;

    public void Dispose()
    {
        if (_engine.IsValueCreated)
        {
            _engine.Value.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OcrCollection : ICollectionFixture<OcrEngineFixture>
{
    public const string Name = "ocr engine";
}
