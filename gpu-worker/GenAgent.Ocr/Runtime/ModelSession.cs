using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace GenAgent.Ocr.Runtime;

/// <summary>One single-input, single-output float model; <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/> is thread-safe, so one instance serves concurrent reads.</summary>
internal sealed class ModelSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    private ModelSession(InferenceSession session, string path, string input, string output)
    {
        _session = session;
        Path = path;
        _inputNames = [input];
        _outputNames = [output];
        OutputDimensions = session.OutputMetadata[output].Dimensions;
    }

    public string Path { get; }

    /// <summary>The output's dimensions as the model declares them; -1 where dynamic.</summary>
    public int[] OutputDimensions { get; }

    /// <summary>Opens the model and checks it has one rank-4 float input and one float output of <paramref name="outputRank"/>.</summary>
    /// <exception cref="OcrModelException">The file is missing, unreadable, or shaped differently; the message names the file and tensor.</exception>
    public static ModelSession Open(string path, SessionOptions? options, int outputRank)
    {
        if (!File.Exists(path))
        {
            throw new OcrModelException($"OCR model file '{path}' does not exist (run `npm ci` in tools/ocr-models).");
        }

        InferenceSession session;
        try
        {
            session = options is null ? new InferenceSession(path) : new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OcrModelException($"OCR model file '{path}' could not be loaded by ONNX Runtime: {ex.Message}", ex);
        }

        try
        {
            var input = Single(session.InputMetadata, path, "input");
            var output = Single(session.OutputMetadata, path, "output");
            Require(path, input.Key, input.Value, 4);
            Require(path, output.Key, output.Value, outputRank);
            return new ModelSession(session, path, input.Key, output.Key);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs the model; a cancelled <paramref name="cancellationToken"/> stops a run in progress.</summary>
    public (float[] Values, long[] Shape) Run(float[] input, long[] shape, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, runOptions);
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, shape);
        try
        {
            using var outputs = _session.Run(runOptions, _inputNames, [inputValue], _outputNames);
            var output = outputs[0];
            return (output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape);
        }
        catch (OnnxRuntimeException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The OCR run was cancelled.", ex, cancellationToken);
        }
    }

    public void Dispose() => _session.Dispose();

    private static KeyValuePair<string, NodeMetadata> Single(IReadOnlyDictionary<string, NodeMetadata> metadata, string path, string kind)
    {
        if (metadata.Count != 1)
        {
            throw new OcrModelException($"OCR model '{path}' has {metadata.Count} {kind}s ({string.Join(", ", metadata.Keys)}); expected one.");
        }

        return metadata.First();
    }

    private static void Require(string path, string name, NodeMetadata node, int rank)
    {
        if (node.ElementDataType != TensorElementType.Float || node.Dimensions.Length != rank)
        {
            throw new OcrModelException(
                $"OCR model '{path}' tensor '{name}' is {node.ElementDataType} [{string.Join(",", node.Dimensions)}]; expected float with rank {rank}.");
        }
    }
}
