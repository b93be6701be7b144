using System.ComponentModel.DataAnnotations;
using GenAgent.Inference.Runtime;

namespace GenAgent.GpuWorker.Configuration;

/// <summary>The <c>Worker</c> section: provider policy, which models serve the paper's protocol, batching and limits.</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary><c>cuda-required</c>, <c>cuda-preferred</c> or <c>cpu</c>.</summary>
    [Required]
    [AllowedValues(ProviderPolicyNames.CudaRequired, ProviderPolicyNames.CudaPreferred, ProviderPolicyNames.Cpu, ErrorMessage = "must be cuda-required, cuda-preferred or cpu.")]
    public string Provider { get; set; } = ProviderPolicyNames.CudaPreferred;

    /// <summary>The CUDA device the sessions run on.</summary>
    [Range(0, 64)]
    public int CudaDeviceId { get; set; }

    /// <summary>The pipeline behind <c>POST /generate/</c> and requests without a model; empty = the first generation pipeline.</summary>
    public string? GenerateModel { get; set; }

    /// <summary>The pipeline behind <c>POST /generate/</c> with an image; empty = the first pipeline that can edit.</summary>
    public string? EditModel { get; set; }

    /// <summary>How long a batch waits for more requests of the same model, size and mode before it runs.</summary>
    [Range(0, 10_000)]
    public int MaxBatchWaitMs { get; set; } = 5;

    /// <summary>Caps every model's own maximum batch; 0 keeps the model's.</summary>
    [Range(0, 256)]
    public int MaxBatch { get; set; }

    /// <summary>Images waiting per model (not yet in a running batch); more answers 429 with Retry-After.</summary>
    [Range(1, 100_000)]
    public int MaxQueue { get; set; } = 64;

    /// <summary>The largest <c>n</c> (or prompt list) one request may ask for.</summary>
    [Range(1, 64)]
    public int MaxImagesPerRequest { get; set; } = 4;

    /// <summary>A request still waiting after this long answers 504 and its work is dropped.</summary>
    [Range(0.01, 3600)]
    public double RequestTimeoutSeconds { get; set; } = 300;

    /// <summary>The Retry-After a 429 sends.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary>Largest accepted request body (JSON with base64 images, or a multipart upload).</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>When set, every route but <c>/health</c> needs <c>Authorization: Bearer &lt;key&gt;</c>; empty = open (local use).</summary>
    public string? ApiKey { get; set; }

    public ProviderPolicy Policy => ProviderPolicyNames.Parse(Provider);
}
