using System.Runtime.InteropServices;
using GenAgent.Inference.Models;
using GenAgent.Inference.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace GenAgent.Inference.Runtime;

/// <summary>
/// One loaded ONNX file of a model set, checked against its manifest. Callers speak in roles
/// ("sample", "timestep"); this maps them to the export's tensor names, converts fp32 to the
/// model's fp16 or integer types and back, and runs through the shared <see cref="RunTimer"/>.
/// </summary>
internal sealed class OnnxComponent : IDisposable
{
    private readonly RunTimer _timer;
    private readonly Dictionary<string, NodeMetadata> _inputs;

    private OnnxComponent(ComponentManifest manifest, InferenceSession session, RunTimer timer)
    {
        Manifest = manifest;
        Session = session;
        _timer = timer;
        _inputs = session.InputMetadata.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    public ComponentManifest Manifest { get; }

    public InferenceSession Session { get; }

    public bool HasInput(string role) => Manifest.Inputs.ContainsKey(role);

    /// <summary>Loads the file and checks names, ranks and element types; any mismatch names the manifest, file and tensor.</summary>
    public static OnnxComponent Load(ModelManifest manifest, string role, OrtSessionFactory factory)
    {
        var component = manifest.Component(role);
        var schema = ComponentSchema.For(manifest.Kind).Single(r => r.Name == role);
        InferenceSession session;
        try
        {
            session = factory.Create(component.File);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelLoadException(
                $"Model manifest '{manifest.SourcePath}': component '{role}': ONNX Runtime cannot load model file '{component.File}': {ex.Message}", ex);
        }

        try
        {
            component = WithAlternatives(component, schema, session);
            Validate(manifest, component, schema, session);
        }
        catch
        {
            session.Dispose();
            throw;
        }

        return new OnnxComponent(component, session, factory.RunTimer);
    }

    /// <summary>
    /// An output the manifest left at its reference name that the file lacks, where the file has the alternative's
    /// reference name instead (an optimum VAE encoder with <c>latent_parameters</c>), maps to the alternative.
    /// </summary>
    private static ComponentManifest WithAlternatives(ComponentManifest component, ComponentRole schema, InferenceSession session)
    {
        var outputs = new Dictionary<string, string>(component.Outputs, StringComparer.Ordinal);
        foreach (var role in schema.Outputs.Where(r => r.Alternative is not null))
        {
            if (outputs.TryGetValue(role.Role, out var name) && name == role.Role && !session.OutputMetadata.ContainsKey(name)
                && session.OutputMetadata.ContainsKey(role.Alternative!) && !outputs.ContainsKey(role.Alternative!))
            {
                outputs.Remove(role.Role);
                outputs[role.Alternative!] = role.Alternative!;
            }
        }

        return outputs.Count == component.Outputs.Count && outputs.All(p => component.Outputs.TryGetValue(p.Key, out var v) && v == p.Value)
            ? component
            : component with { Outputs = outputs };
    }

    private static void Validate(ModelManifest manifest, ComponentManifest component, ComponentRole schema, InferenceSession session)
    {
        string Where(string direction, string name, string tensorRole) =>
            $"Model manifest '{manifest.SourcePath}': component '{component.Role}' model file '{component.File}': {direction} tensor '{name}' (role '{tensorRole}')";

        void Check(IReadOnlyDictionary<string, NodeMetadata> metadata, IReadOnlyDictionary<string, string> names, IReadOnlyList<TensorRole> roles, string direction)
        {
            foreach (var role in roles)
            {
                if (!names.TryGetValue(role.Role, out var name))
                {
                    continue;
                }

                if (!metadata.TryGetValue(name, out var node))
                {
                    throw new ModelLoadException(
                        $"{Where(direction, name, role.Role)} is not in the model; its {direction}s are: {string.Join(", ", metadata.Keys)}.");
                }

                var rank = node.Dimensions.Length;
                if (!role.Ranks.Contains(rank))
                {
                    throw new ModelLoadException(
                        $"{Where(direction, name, role.Role)} has rank {rank} [{string.Join(",", node.Dimensions)}]; expected rank {string.Join(" or ", role.Ranks)}.");
                }

                var type = node.ElementDataType;
                var ok = role.Class switch
                {
                    TensorClass.Float => type == (component.DType == TensorDType.Float16 ? TensorElementType.Float16 : TensorElementType.Float),
                    TensorClass.Integer => type is TensorElementType.Int64 or TensorElementType.Int32,
                    TensorClass.Number => type is TensorElementType.Float or TensorElementType.Float16 or TensorElementType.Int64 or TensorElementType.Int32,
                    _ => throw new InvalidOperationException($"Unknown tensor class {role.Class}."),
                };
                if (!ok)
                {
                    var expected = role.Class == TensorClass.Float
                        ? (component.DType == TensorDType.Float16 ? "fp16" : "fp32") + " (the manifest's dtype)"
                        : role.Class == TensorClass.Integer ? "int32 or int64" : "a float or integer type";
                    throw new ModelLoadException($"{Where(direction, name, role.Role)} has element type {type}; expected {expected}.");
                }
            }
        }

        Check(session.InputMetadata, component.Inputs, schema.Inputs, "input");
        Check(session.OutputMetadata, component.Outputs, schema.Outputs, "output");

        var fed = component.Inputs.Values.ToHashSet(StringComparer.Ordinal);
        var unfed = session.InputMetadata.Keys.Where(k => !fed.Contains(k)).ToList();
        if (unfed.Count > 0)
        {
            throw new ModelLoadException(
                $"Model manifest '{manifest.SourcePath}': component '{component.Role}' model file '{component.File}': input tensor '{unfed[0]}' is not described by the manifest (inputs it maps: {string.Join(", ", component.Inputs.Select(p => $"{p.Key}={p.Value}"))}).");
        }
    }

    /// <summary>Runs with inputs given by role (a <see cref="FloatTensor"/> or <see cref="IdTensor"/>) and returns the outputs asked for, as fp32.</summary>
    public FloatTensor[] Run(IReadOnlyList<KeyValuePair<string, object>> inputs, params string[] outputRoles)
    {
        var names = new List<string>(inputs.Count);
        var values = new List<OrtValue>(inputs.Count);
        try
        {
            foreach (var (role, value) in inputs)
            {
                var name = Manifest.Input(role);
                names.Add(name);
                values.Add(ToOrtValue(value, _inputs[name]));
            }

            var outputNames = outputRoles.Select(Manifest.Output).ToArray();
            using var results = _timer.Run(Session, names, values, outputNames);
            return results.Select(ToFloatTensor).ToArray();
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    private static OrtValue ToOrtValue(object value, NodeMetadata node)
    {
        switch (value)
        {
            case IdTensor ids:
            {
                long[] shape = [ids.Batch, ids.Length];
                return node.ElementDataType switch
                {
                    TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory((long[])ids.Data.Clone(), shape),
                    TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(ids.Data.Select(i => checked((int)i)).ToArray(), shape),
                    _ => throw new InvalidOperationException($"Token ids cannot be fed as {node.ElementDataType}."),
                };
            }

            case FloatTensor tensor:
            {
                var shape = AdaptShape(tensor, node.Dimensions);
                var data = shape.Aggregate(1L, (a, d) => a * d) < tensor.Length ? [tensor.Data[0]] : tensor.Data;
                return node.ElementDataType switch
                {
                    TensorElementType.Float => OrtValue.CreateTensorValueFromMemory((float[])data.Clone(), shape),
                    TensorElementType.Float16 => OrtValue.CreateTensorValueFromMemory(ToFloat16(data), shape),
                    TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(data.Select(v => (long)MathF.Round(v)).ToArray(), shape),
                    TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(data.Select(v => (int)MathF.Round(v)).ToArray(), shape),
                    _ => throw new InvalidOperationException($"Values cannot be fed as {node.ElementDataType}."),
                };
            }

            default:
                throw new ArgumentException($"Unsupported input value {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>Exports disagree on a few shapes: a scalar or fixed [1] timestep, or img_ids with a leading batch of 1.</summary>
    private static long[] AdaptShape(FloatTensor tensor, int[] dimensions)
    {
        var rank = dimensions.Length;
        var shape = tensor.Shape.Select(d => (long)d).ToList();
        var oneValue = rank == 0 || (rank == 1 && dimensions[0] == 1 && tensor.Shape is [> 1]);
        if (oneValue)
        {
            if (tensor.Data.Any(v => v != tensor.Data[0]))
            {
                throw new InvalidOperationException("The model takes one value but the batch has different values.");
            }

            return rank == 0 ? [] : [1];
        }

        while (shape.Count < rank)
        {
            shape.Insert(0, 1);
        }

        return [.. shape];
    }

    private static Float16[] ToFloat16(float[] data)
    {
        var halves = new Half[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            halves[i] = (Half)data[i];
        }

        return MemoryMarshal.Cast<Half, Float16>(halves).ToArray();
    }

    private static FloatTensor ToFloatTensor(OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        var shape = info.Shape.Select(d => checked((int)d)).ToArray();
        float[] data;
        switch (info.ElementDataType)
        {
            case TensorElementType.Float:
                data = value.GetTensorDataAsSpan<float>().ToArray();
                break;
            case TensorElementType.Float16:
            {
                var halves = MemoryMarshal.Cast<Float16, Half>(value.GetTensorDataAsSpan<Float16>());
                data = new float[halves.Length];
                for (var i = 0; i < halves.Length; i++)
                {
                    data[i] = (float)halves[i];
                }

                break;
            }

            default:
                throw new InvalidOperationException($"Output of type {info.ElementDataType} is not a float tensor.");
        }

        return new FloatTensor(data, shape);
    }

    public void Dispose() => Session.Dispose();
}
