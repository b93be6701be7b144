using GenAgent.Core.Configuration;

namespace GenAgent.Core.Backends;

/// <summary>
/// What each image backend can do, declared once: configuration checks refuse a setting the backend would ignore,
/// and <c>genagent backends</c> prints this table. <see cref="Seed"/> is whether the same seed gives the same image.
/// </summary>
public sealed record BackendCapabilities(string Name, string Description, bool Edits, bool Seed, bool NegativePrompt, bool Steps, bool Progress, string? Note = null)
{
    /// <summary>The image backends, in the order the configuration's messages list them.</summary>
    public static IReadOnlyList<BackendCapabilities> Tools { get; } =
    [
        new(BackendNames.OpenAIImages, "OpenAI Images API (OpenAI, Azure OpenAI, the gpu-worker)", Edits: true, Seed: false, NegativePrompt: false, Steps: false, Progress: false,
            Note: "the seed goes to self-hosted servers only (the gpu-worker honours it); the hosted API has none"),
        new(BackendNames.GenAgentServer, "the paper's reference servers (POST /generate/)", Edits: true, Seed: false, NegativePrompt: false, Steps: true, Progress: false,
            Note: "the servers render with a fixed seed of their own"),
        new(BackendNames.A1111, "AUTOMATIC1111 / Forge WebUI (--api)", Edits: true, Seed: true, NegativePrompt: true, Steps: true, Progress: false,
            Note: "edits are img2img at DenoisingStrength"),
        new(BackendNames.ComfyUI, "ComfyUI, the user's API-format workflow or a built-in one", Edits: true, Seed: true, NegativePrompt: true, Steps: true, Progress: false,
            Note: "follows a job by polling /history"),
        new(BackendNames.Sketch, "the offline sketch world (no GPU, no keys)", Edits: true, Seed: true, NegativePrompt: false, Steps: false, Progress: false),
    ];

    public static IReadOnlyList<string> ToolNames { get; } = [.. Tools.Select(t => t.Name)];

    public static BackendCapabilities? Find(string? name) => Tools.FirstOrDefault(t => t.Name == name);

    /// <summary>Settings of <paramref name="tool"/> its backend would silently ignore, each naming the key.</summary>
    public IEnumerable<string> Ignored(ToolOptions tool, string section)
    {
        ArgumentNullException.ThrowIfNull(tool);
        if (!NegativePrompt && !string.IsNullOrEmpty(tool.NegativePrompt))
            yield return $"GenAgent:{section}:NegativePrompt is set, but the {Name} backend takes no negative prompt; remove it or use a1111 or comfyui.";
        if (!Steps && tool.Steps is not null)
            yield return $"GenAgent:{section}:Steps is set, but the {Name} backend takes no step count; remove it.";
        if (Name is not (BackendNames.A1111 or BackendNames.ComfyUI) && tool.DenoisingStrength is not null)
            yield return $"GenAgent:{section}:DenoisingStrength is set, but only the a1111 and comfyui editors use it; remove it.";
        if (Name != BackendNames.ComfyUI && !string.IsNullOrEmpty(tool.Workflow))
            yield return $"GenAgent:{section}:Workflow is set, but only the comfyui backend runs workflows; remove it.";
    }
}
