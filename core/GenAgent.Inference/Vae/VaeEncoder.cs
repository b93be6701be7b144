using GenAgent.Inference.Runtime;
using GenAgent.Inference.Tensors;

namespace GenAgent.Inference.Vae;

/// <summary>
/// Images [B, 3, H, W] in [-1, 1] to latents: the encoder's latent (the distribution's mean in the
/// usual exports), then (z - shift) * scaling, the inverse of <see cref="VaeDecoder"/>.
/// </summary>
internal sealed class VaeEncoder(OnnxComponent component, float scalingFactor, float shiftFactor)
{
    public FloatTensor Encode(FloatTensor images)
    {
        var latents = component.Run([new("sample", images)], "latent_sample")[0];
        for (var i = 0; i < latents.Length; i++)
        {
            latents.Data[i] = (latents.Data[i] - shiftFactor) * scalingFactor;
        }

        return latents;
    }
}
