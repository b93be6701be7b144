namespace GenAgent.Inference.Models.Wire;

/// <summary>The JSON shape of a model manifest file, as written; <see cref="ModelManifest"/> is its validated form.</summary>
internal sealed class ManifestDocument
{
    public string? Name { get; set; }

    public string? Kind { get; set; }

    public Dictionary<string, ComponentDocument>? Components { get; set; }

    public TokenizersDocument? Tokenizers { get; set; }

    public ConstantsDocument? Constants { get; set; }
}

internal sealed class ComponentDocument
{
    public string? File { get; set; }

    public string? Dtype { get; set; }

    public Dictionary<string, string>? Inputs { get; set; }

    public Dictionary<string, string>? Outputs { get; set; }
}

internal sealed class TokenizersDocument
{
    public string? ClipVocab { get; set; }

    public string? ClipMerges { get; set; }

    public string? T5Model { get; set; }
}
