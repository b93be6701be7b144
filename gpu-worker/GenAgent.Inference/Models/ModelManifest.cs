using System.Text.Json;
using GenAgent.Inference.Models.Wire;

namespace GenAgent.Inference.Models;

/// <summary>
/// A model set described by a JSON manifest: its ONNX files (paths relative to the manifest's folder),
/// the tensor names each export uses, their dtype, and the constants the pipeline needs.
/// </summary>
public sealed record ModelManifest(
    string Name,
    ModelKind Kind,
    string SourcePath,
    IReadOnlyDictionary<string, ComponentManifest> Components,
    TokenizerFiles Tokenizers,
    ModelConstants Constants)
{
    public ComponentManifest Component(string role) =>
        Components.TryGetValue(role, out var component)
            ? component
            : throw new KeyNotFoundException($"Manifest '{SourcePath}' has no component '{role}'.");

    public ComponentManifest? OptionalComponent(string role) => Components.GetValueOrDefault(role);

    /// <summary>Throws unless <paramref name="manifest"/> describes a model set of <paramref name="kind"/>: each loader's first check.</summary>
    internal static void RequireKind(ModelManifest manifest, ModelKind kind)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Kind != kind)
        {
            var described = kind switch
            {
                ModelKind.StableDiffusion => "an SD",
                ModelKind.Flux => "a FLUX",
                _ => "a CLIP",
            };
            throw new ArgumentException($"Manifest '{manifest.SourcePath}' is not {described} model set.", nameof(manifest));
        }
    }

    public static string KindName(ModelKind kind) => kind switch
    {
        ModelKind.StableDiffusion => "sd",
        ModelKind.Flux => "flux",
        ModelKind.Clip => "clip",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown model kind."),
    };

    public static ModelKind ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "sd" => ModelKind.StableDiffusion,
        "flux" => ModelKind.Flux,
        "clip" => ModelKind.Clip,
        _ => throw new ArgumentException($"Unknown model kind '{kind}'. Valid values: sd, flux, clip.", nameof(kind)),
    };

    public static TensorDType ParseDType(string? dtype) => dtype?.Trim().ToLowerInvariant() switch
    {
        null or "" or "fp32" or "float32" => TensorDType.Float32,
        "fp16" or "float16" => TensorDType.Float16,
        _ => throw new ArgumentException($"Unknown dtype '{dtype}'. Valid values: fp32, fp16.", nameof(dtype)),
    };

    /// <summary>Reads and checks a manifest: kind, required components and tensor roles, and that every file exists.</summary>
    public static ModelManifest Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ModelLoadException($"Model manifest '{fullPath}' does not exist.");
        }

        ManifestDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(File.ReadAllText(fullPath), ManifestJsonContext.Default.ManifestDocument);
        }
        catch (JsonException ex)
        {
            throw new ModelLoadException($"Model manifest '{fullPath}' is not valid JSON: {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new ModelLoadException($"Model manifest '{fullPath}' is empty.");
        }

        return FromDocument(document, fullPath);
    }

    internal static ModelManifest FromDocument(ManifestDocument document, string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        string Fail(string what) => throw new ModelLoadException($"Model manifest '{fullPath}': {what}");

        if (string.IsNullOrWhiteSpace(document.Name))
        {
            Fail("'name' is required.");
        }

        ModelKind kind;
        try
        {
            kind = ParseKind(document.Kind);
        }
        catch (ArgumentException ex)
        {
            throw new ModelLoadException($"Model manifest '{fullPath}': {ex.Message}", ex);
        }

        var components = new Dictionary<string, ComponentManifest>(StringComparer.Ordinal);
        var given = document.Components ?? [];
        foreach (var role in ComponentSchema.For(kind))
        {
            if (!given.TryGetValue(role.Name, out var component))
            {
                if (role.Required)
                {
                    Fail($"component '{role.Name}' is required for kind '{KindName(kind)}'.");
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(component.File))
            {
                Fail($"component '{role.Name}' has no 'file'.");
            }

            var file = Path.GetFullPath(Path.Combine(folder, component.File!));
            if (!File.Exists(file))
            {
                Fail($"component '{role.Name}': model file '{file}' does not exist.");
            }

            TensorDType dtype;
            try
            {
                dtype = ParseDType(component.Dtype);
            }
            catch (ArgumentException ex)
            {
                throw new ModelLoadException($"Model manifest '{fullPath}': component '{role.Name}': {ex.Message}", ex);
            }

            var inputs = Names(component.Inputs, role.Inputs, role.Name, "input", Fail);
            var outputs = Names(component.Outputs, role.Outputs, role.Name, "output", Fail);
            components[role.Name] = new ComponentManifest(role.Name, file, dtype, inputs, outputs);
        }

        foreach (var extra in given.Keys.Where(k => !components.ContainsKey(k)
                     && !ComponentSchema.For(kind).Any(r => r.Name == k)))
        {
            Fail($"unknown component '{extra}' for kind '{KindName(kind)}'.");
        }

        var tokenizers = document.Tokenizers ?? new TokenizersDocument();
        string? TokenizerFile(string? relative, string what, bool required)
        {
            if (string.IsNullOrWhiteSpace(relative))
            {
                return required ? Fail($"tokenizer file '{what}' is required for kind '{KindName(kind)}'.") : null;
            }

            var file = Path.GetFullPath(Path.Combine(folder, relative));
            return File.Exists(file) ? file : Fail($"tokenizer file '{file}' ({what}) does not exist.");
        }

        var files = new TokenizerFiles(
            TokenizerFile(tokenizers.ClipVocab, "clipVocab", required: true),
            TokenizerFile(tokenizers.ClipMerges, "clipMerges", required: true),
            TokenizerFile(tokenizers.T5Model, "t5Model", required: kind == ModelKind.Flux));

        var constants = document.Constants?.ToConstants() ?? new ModelConstants();
        ValidateConstants(constants, kind, Fail);
        return new ModelManifest(document.Name!, kind, fullPath, components, files, constants);
    }

    private static Dictionary<string, string> Names(
        Dictionary<string, string>? given,
        IReadOnlyList<TensorRole> roles,
        string component,
        string direction,
        Func<string, string> fail)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            // An export that kept the reference names needs no mapping; a role the manifest omits keeps its own name.
            if (given is not null && given.TryGetValue(role.Role, out var name))
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    fail($"component '{component}': {direction} role '{role.Role}' has an empty tensor name.");
                }

                names[role.Role] = name;
            }
            else if (role.Required && !(role.Alternative is { } alternative && given?.ContainsKey(alternative) == true))
            {
                names[role.Role] = role.Role;
            }
        }

        foreach (var extra in (given?.Keys ?? Enumerable.Empty<string>()).Where(k => !roles.Any(r => r.Role == k)))
        {
            fail($"component '{component}': unknown {direction} role '{extra}'.");
        }

        return names;
    }

    private static void ValidateConstants(ModelConstants c, ModelKind kind, Func<string, string> fail)
    {
        void Positive(int value, string name)
        {
            if (value <= 0)
            {
                fail($"constant '{name}' must be positive (was {value}).");
            }
        }

        Positive(c.LatentChannels, "latentChannels");
        Positive(c.VaeDownscale, "vaeDownscale");
        Positive(c.ClipTokenLength, "clipTokenLength");
        Positive(c.DefaultWidth, "defaultWidth");
        Positive(c.DefaultHeight, "defaultHeight");
        Positive(c.SizeMultiple, "sizeMultiple");
        Positive(c.MaxWidth, "maxWidth");
        Positive(c.MaxHeight, "maxHeight");
        Positive(c.MaxBatch, "maxBatch");
        Positive(c.DefaultSteps, "defaultSteps");
        if (c.VaeScalingFactor <= 0)
        {
            fail("constant 'vaeScalingFactor' must be positive.");
        }

        if (kind == ModelKind.Clip)
        {
            return;
        }

        var multiple = kind == ModelKind.Flux ? c.VaeDownscale * c.PatchSize : c.VaeDownscale;
        if (c.SizeMultiple % multiple != 0)
        {
            fail($"constant 'sizeMultiple' ({c.SizeMultiple}) must be a multiple of {multiple}.");
        }

        if (c.DefaultWidth % c.SizeMultiple != 0 || c.DefaultHeight % c.SizeMultiple != 0
            || c.DefaultWidth > c.MaxWidth || c.DefaultHeight > c.MaxHeight)
        {
            fail("constants 'defaultWidth'/'defaultHeight' must be multiples of 'sizeMultiple' within 'maxWidth'/'maxHeight'.");
        }

        if (kind == ModelKind.Flux)
        {
            Positive(c.T5TokenLength, "t5TokenLength");
            Positive(c.PatchSize, "patchSize");
        }
    }
}
