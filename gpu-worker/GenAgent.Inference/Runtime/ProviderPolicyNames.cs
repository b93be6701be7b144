namespace GenAgent.Inference.Runtime;

/// <summary>The configuration spelling of <see cref="ProviderPolicy"/>: "cuda-required", "cuda-preferred", "cpu".</summary>
public static class ProviderPolicyNames
{
    public const string CudaRequired = "cuda-required";
    public const string CudaPreferred = "cuda-preferred";
    public const string Cpu = "cpu";

    public static IReadOnlyList<string> All { get; } = [CudaRequired, CudaPreferred, Cpu];

    public static ProviderPolicy Parse(string value) =>
        TryParse(value, out var policy)
            ? policy
            : throw new ArgumentException(
                $"Unknown provider policy '{value}'. Valid values: {string.Join(", ", All)}.", nameof(value));

    public static bool TryParse(string? value, out ProviderPolicy policy)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case CudaRequired:
                policy = ProviderPolicy.CudaRequired;
                return true;
            case CudaPreferred:
                policy = ProviderPolicy.CudaPreferred;
                return true;
            case Cpu:
                policy = ProviderPolicy.Cpu;
                return true;
            default:
                policy = default;
                return false;
        }
    }

    public static string ToName(this ProviderPolicy policy) => policy switch
    {
        ProviderPolicy.CudaRequired => CudaRequired,
        ProviderPolicy.CudaPreferred => CudaPreferred,
        ProviderPolicy.Cpu => Cpu,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown provider policy."),
    };
}
