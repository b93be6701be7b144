using System.Text.Json;
using GenAgent.Inference.Models;
using GenAgent.Inference.Models.Wire;

namespace GenAgent.Inference.TestModels;

/// <summary>
/// Writes a complete tiny model set, authored in C#: "sd-tiny", "flux-tiny" and "clip-tiny", each a
/// manifest (name.json) next to a folder of ONNX files and tokenizer files. The models have the real
/// input/output names and ranks, small dimensions (8x8 latents, 64x64 images) and known behaviour
/// (see <see cref="TinySd"/>, <see cref="TinyFlux"/>, <see cref="TinyClip"/>), so a production
/// pipeline runs prompt -> PNG -> score on a CPU in milliseconds.
/// </summary>
public static class TinyModelSet
{
    public const string SdName = "sd-tiny";
    public const string FluxName = "flux-tiny";
    public const string ClipName = "clip-tiny";

    // Declared before the constants built from it: static initialisers run in text order.
    // Both tiny image models draw 64x64 by default, up to 256x256 in steps of 32, four to a batch, with image-to-image.
    private static readonly ModelConstants TinyImageModel = new()
    {
        DefaultWidth = 64,
        DefaultHeight = 64,
        SizeMultiple = 32,
        MaxWidth = 256,
        MaxHeight = 256,
        MaxBatch = 4,
        SupportsEdit = true,
    };

    public static ModelConstants SdConstants { get; } = TinyImageModel with
    {
        LatentChannels = TinySd.Channels,
        VaeScalingFactor = 0.18215f,
        ClipTokenLength = TinySd.TokenLength,
        DefaultSteps = 2,
        DefaultGuidance = 0,
        Scheduler = "euler-ancestral",
    };

    public static ModelConstants FluxConstants { get; } = TinyImageModel with
    {
        LatentChannels = TinyFlux.Channels,
        VaeScalingFactor = 0.3611f,
        VaeShiftFactor = 0.1159f,
        ClipTokenLength = TinyFlux.ClipLength,
        T5TokenLength = TinyFlux.T5Length,
        PatchSize = 2,
        DefaultSteps = 4,
        DefaultGuidance = 3.5f,
        Scheduler = "flow-match-euler",
    };

    public static ModelConstants ClipConstants { get; } = new()
    {
        ClipTokenLength = TinyClip.TokenLength,
        MaxBatch = 8,
    };

    /// <summary>Writes the three manifests and their files into <paramref name="folder"/> (created if missing) and returns the manifest paths.</summary>
    public static IReadOnlyList<string> Write(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        return [WriteSd(folder), WriteFlux(folder), WriteClip(folder)];
    }

    /// <param name="folder">Where the manifest goes; the files go to a sub-folder named after the model.</param>
    /// <param name="name">The model name.</param>
    /// <param name="float16">Declare every float input and output fp16, like an fp16 export (manifest dtype "fp16").</param>
    public static string WriteSd(string folder, string name = SdName, bool float16 = false)
    {
        var files = Files(folder, name);
        files.Model("text_encoder.onnx", TinySd.TextEncoder(float16));
        files.Model("unet.onnx", TinySd.Unet(float16));
        files.Model("vae_decoder.onnx", TinySd.VaeDecoder(float16));
        files.Model("vae_encoder.onnx", TinySd.VaeEncoder(float16));
        var dtype = float16 ? "fp16" : "fp32";
        ClipVocabularyWriter.Write(Path.Combine(folder, name, "tokenizer"));
        return WriteManifest(folder, new ManifestDocument
        {
            Name = name,
            Kind = "sd",
            Components = new()
            {
                ["text_encoder"] = Component($"{name}/text_encoder.onnx", ["input_ids"], ["last_hidden_state"], dtype),
                ["unet"] = Component($"{name}/unet.onnx", ["sample", "timestep", "encoder_hidden_states"], ["out_sample"], dtype),
                ["vae_decoder"] = Component($"{name}/vae_decoder.onnx", ["latent_sample"], ["sample"], dtype),
                ["vae_encoder"] = Component($"{name}/vae_encoder.onnx", ["sample"], ["latent_sample"], dtype),
            },
            Tokenizers = new TokenizersDocument { ClipVocab = $"{name}/tokenizer/vocab.json", ClipMerges = $"{name}/tokenizer/merges.txt" },
            Constants = ConstantsDocument.From(SdConstants),
        });
    }

    public static string WriteFlux(string folder, string name = FluxName)
    {
        var files = Files(folder, name);
        files.Model("text_encoder.onnx", TinyFlux.ClipEncoder());
        files.Model("text_encoder_2.onnx", TinyFlux.T5Encoder());
        files.Model("transformer.onnx", TinyFlux.Transformer());
        files.Model("vae_decoder.onnx", TinyFlux.VaeDecoder());
        files.Model("vae_encoder.onnx", TinyFlux.VaeEncoder());
        ClipVocabularyWriter.Write(Path.Combine(folder, name, "tokenizer"));
        SentencePieceModelWriter.Write(Path.Combine(folder, name, "tokenizer_2", "spiece.model"));
        return WriteManifest(folder, new ManifestDocument
        {
            Name = name,
            Kind = "flux",
            Components = new()
            {
                ["text_encoder"] = Component($"{name}/text_encoder.onnx", ["input_ids"], ["pooler_output"]),
                ["text_encoder_2"] = Component($"{name}/text_encoder_2.onnx", ["input_ids"], ["last_hidden_state"]),
                ["transformer"] = Component(
                    $"{name}/transformer.onnx",
                    ["hidden_states", "encoder_hidden_states", "pooled_projections", "timestep", "img_ids", "txt_ids", "guidance"],
                    ["sample"]),
                ["vae_decoder"] = Component($"{name}/vae_decoder.onnx", ["latent_sample"], ["sample"]),
                ["vae_encoder"] = Component($"{name}/vae_encoder.onnx", ["sample"], ["latent_sample"]),
            },
            Tokenizers = new TokenizersDocument
            {
                ClipVocab = $"{name}/tokenizer/vocab.json",
                ClipMerges = $"{name}/tokenizer/merges.txt",
                T5Model = $"{name}/tokenizer_2/spiece.model",
            },
            Constants = ConstantsDocument.From(FluxConstants),
        });
    }

    public static string WriteClip(string folder, string name = ClipName)
    {
        var files = Files(folder, name);
        files.Model("text_encoder.onnx", TinyClip.TextEncoder());
        files.Model("vision_encoder.onnx", TinyClip.VisionEncoder());
        ClipVocabularyWriter.Write(Path.Combine(folder, name, "tokenizer"));
        return WriteManifest(folder, new ManifestDocument
        {
            Name = name,
            Kind = "clip",
            Components = new()
            {
                ["text_encoder"] = Component($"{name}/text_encoder.onnx", ["input_ids"], ["text_embeds"]),
                ["vision_encoder"] = Component($"{name}/vision_encoder.onnx", ["pixel_values"], ["image_embeds"]),
            },
            Tokenizers = new TokenizersDocument { ClipVocab = $"{name}/tokenizer/vocab.json", ClipMerges = $"{name}/tokenizer/merges.txt" },
            Constants = ConstantsDocument.From(ClipConstants),
        });
    }

    private static ComponentDocument Component(string file, string[] inputs, string[] outputs, string dtype = "fp32") => new()
    {
        File = file,
        Dtype = dtype,
        Inputs = inputs.ToDictionary(n => n, n => n),
        Outputs = outputs.ToDictionary(n => n, n => n),
    };

    private static string WriteManifest(string folder, ManifestDocument document)
    {
        var path = Path.Combine(folder, document.Name + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(document, ManifestJsonContext.Default.ManifestDocument));
        return path;
    }

    private static ModelFolder Files(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(path);
        return new ModelFolder(path);
    }

    private sealed record ModelFolder(string Path)
    {
        public void Model(string file, byte[] bytes) => File.WriteAllBytes(System.IO.Path.Combine(Path, file), bytes);
    }
}
