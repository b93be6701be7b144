using System.ComponentModel.DataAnnotations;

namespace GenAgent.GpuWorker.Configuration;

/// <summary>The <c>Models</c> section: the folder of model manifests (a mounted volume in the cloud).</summary>
public sealed class ModelsOptions
{
    public const string SectionName = "Models";

    [Required(ErrorMessage = "the models folder is not set: pass --models <folder> (or set Models__Path); `make-test-models <folder>` writes a tiny set.")]
    public string? Path { get; set; }
}
