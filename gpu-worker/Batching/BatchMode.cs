namespace GenAgent.GpuWorker.Batching;

/// <summary>Text-to-image and image-to-image never share a batch: they run different denoising loops.</summary>
public enum BatchMode
{
    Generate,
    Edit,
}
