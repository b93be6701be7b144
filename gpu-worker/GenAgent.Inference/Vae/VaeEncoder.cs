using GenAgent.Inference.Models;
using GenAgent.Inference.Runtime;
using GenAgent.Inference.Tensors;

namespace GenAgent.Inference.Vae;

/// <summary>
/// Images [B, 3, H, W] in [-1, 1] to latents: the encoder's latent, then (z - shift) * scaling, the inverse of
/// <see cref="VaeDecoder"/>. An export that returns the distribution's parameters (<c>latent_parameters</c>, mean then
/// log-variance) gives its mean: the deterministic choice ("argmax" in diffusers), so one seed gives one edit.
/// </summary>
internal sealed class VaeEncoder(OnnxComponent component, float scalingFactor, float shiftFactor, int latentChannels)
{
    private readonly bool _parameters = component.Manifest.Outputs.ContainsKey(ComponentSchema.LatentParameters);

    public FloatTensor Encode(FloatTensor images)
    {
        var latents = _parameters ? Mean(component.Run([new("sample", images)], ComponentSchema.LatentParameters)[0]) : component.Run([new("sample", images)], ComponentSchema.LatentSample)[0];
        for (var i = 0; i < latents.Length; i++)
        {
            latents.Data[i] = (latents.Data[i] - shiftFactor) * scalingFactor;
        }

        return latents;
    }

    private FloatTensor Mean(FloatTensor parameters)
    {
        var shape = parameters.Shape;
        if (shape[1] != 2 * latentChannels)
        {
            throw new InvalidOperationException(
                $"The VAE encoder's latent_parameters has {shape[1]} channels; expected 2 x latentChannels = {2 * latentChannels} (mean then log-variance).");
        }

        var batch = shape[0];
        var itemLength = latentChannels * shape[2] * shape[3];
        var mean = new float[batch * itemLength];
        for (var b = 0; b < batch; b++)
        {
            // Per item: the first C channels are the mean, contiguous in NCHW.
            Array.Copy(parameters.Data, b * 2 * itemLength, mean, b * itemLength, itemLength);
        }

        return new FloatTensor(mean, batch, latentChannels, shape[2], shape[3]);
    }
}
