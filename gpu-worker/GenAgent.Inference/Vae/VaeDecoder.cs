using GenAgent.Inference.Runtime;
using GenAgent.Inference.Tensors;

namespace GenAgent.Inference.Vae;

/// <summary>Latents to images: z / scaling + shift, then the decoder; output [B, 3, H, W] in [-1, 1].</summary>
internal sealed class VaeDecoder(OnnxComponent component, float scalingFactor, float shiftFactor)
{
    public FloatTensor Decode(FloatTensor latents)
    {
        var scaled = new float[latents.Length];
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = (latents.Data[i] / scalingFactor) + shiftFactor;
        }

        return component.Run([new("latent_sample", new FloatTensor(scaled, latents.Shape))], "sample")[0];
    }
}
