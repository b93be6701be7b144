namespace GenAgent.Inference.Models;

/// <summary>What a manifest describes; its JSON spelling is "sd", "flux" or "clip".</summary>
public enum ModelKind
{
    StableDiffusion,
    Flux,
    Clip,
}
