using GenAgent.Ocr.Tests.Support;

namespace GenAgent.Ocr.Tests;

public sealed class OcrModelPathsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ocr-models-");

    [Fact]
    public void A_missing_folder_is_named_with_the_fix()
    {
        var missing = Path.Combine(_folder.FullName, "nowhere");

        var ex = Assert.Throws<OcrModelException>(() => OcrModelPaths.FromFolder(missing));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Contains("npm ci", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_missing_file_is_named()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, OcrModelPaths.DetectionFile), "not used");

        var ex = Assert.Throws<OcrModelException>(() => OcrModelPaths.FromFolder(_folder.FullName));

        Assert.Contains(OcrModelPaths.RecognitionFile, ex.Message, StringComparison.Ordinal);
        Assert.Contains(OcrModelPaths.KeysFile, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OcrModelPaths.DetectionFile, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_classifier_is_optional()
    {
        foreach (var name in new[] { OcrModelPaths.DetectionFile, OcrModelPaths.RecognitionFile, OcrModelPaths.KeysFile })
        {
            File.WriteAllText(Path.Combine(_folder.FullName, name), "x");
        }

        var paths = OcrModelPaths.FromFolder(_folder.FullName);

        Assert.Null(paths.Classifier);
        Assert.Equal(Path.Combine(_folder.FullName, OcrModelPaths.RecognitionFile), paths.Recognition);
    }

    [Fact]
    public void A_file_that_is_not_a_model_fails_to_load_naming_the_file()
    {
        foreach (var name in new[] { OcrModelPaths.DetectionFile, OcrModelPaths.RecognitionFile, OcrModelPaths.KeysFile })
        {
            File.WriteAllText(Path.Combine(_folder.FullName, name), "not an onnx model");
        }

        var ex = Assert.Throws<OcrModelException>(() => OcrEngine.Load(OcrModelPaths.FromFolder(_folder.FullName)));

        Assert.Contains(OcrModelPaths.RecognitionFile, ex.Message, StringComparison.Ordinal);
        Assert.Contains("could not be loaded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_keys_file_from_another_release_is_refused()
    {
        var real = OcrModels.Require();
        var keys = Path.Combine(_folder.FullName, OcrModelPaths.KeysFile);
        File.WriteAllLines(keys, ["a", "b", "c"]);

        var ex = Assert.Throws<OcrModelException>(() => OcrEngine.Load(real with { Keys = keys, Classifier = null }));

        Assert.Contains("6625", ex.Message, StringComparison.Ordinal);
        Assert.Contains(keys, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_repository_models_are_installed()
    {
        var paths = OcrModels.Require();

        Assert.True(File.Exists(paths.Detection));
        Assert.True(File.Exists(paths.Recognition));
        Assert.True(File.Exists(paths.Keys));
        Assert.NotNull(paths.Classifier);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
