using GenAgent.Core.Protocol.Profiles;
using Microsoft.Extensions.Configuration;

namespace GenAgent.Core.Configuration;

/// <summary>
/// The profiles every host knows. Keys and URLs only; secrets come from the environment or user-secrets
/// (<c>GenAgent__Agent__ApiKey</c>, <c>GenAgent__Generator__ApiKey</c>).
/// </summary>
public static class BuiltInProfiles
{
    private const string P = "GenAgent:Profiles:";

    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        // Everything in-process: the sketch agent, generator and editor. No GPU, no keys.
        [P + "offline:Agent:Backend"] = BackendNames.Sketch,
        [P + "offline:Generator:Backend"] = BackendNames.Sketch,
        [P + "offline:Editor:Backend"] = BackendNames.Sketch,

        // OpenAI (or Azure OpenAI's v1 endpoint): a general VLM as the agent, the Images API as the tools.
        [P + "openai:Agent:Backend"] = BackendNames.OpenAI,
        [P + "openai:Agent:BaseUrl"] = "https://api.openai.com/v1",
        [P + "openai:Agent:Model"] = "gpt-4.1",
        [P + "openai:Generator:Backend"] = BackendNames.OpenAIImages,
        [P + "openai:Generator:BaseUrl"] = "https://api.openai.com/v1",
        [P + "openai:Generator:Model"] = "gpt-image-1",
        [P + "openai:Editor:Backend"] = BackendNames.OpenAIImages,
        [P + "openai:Editor:BaseUrl"] = "https://api.openai.com/v1",
        [P + "openai:Editor:Model"] = "gpt-image-1",

        // The released GenAgent weights on vLLM with the paper's generator and Qwen-Image-Edit editor servers, on the
        // ports of the authors' scripts. No model name: it is read from GET /v1/models, as the reference client does.
        // No steps or guidance: each server's own defaults apply.
        [P + "vllm-genagent:Agent:Backend"] = BackendNames.OpenAI,
        [P + "vllm-genagent:Agent:Protocol"] = ProtocolProfiles.GenAgentV2Name,
        [P + "vllm-genagent:Agent:BaseUrl"] = "http://localhost:18901/v1",
        [P + "vllm-genagent:Agent:Temperature"] = "0",
        [P + "vllm-genagent:Agent:StopAtToolCallEnd"] = "true",
        [P + "vllm-genagent:Generator:Backend"] = BackendNames.GenAgentServer,
        [P + "vllm-genagent:Generator:BaseUrl"] = "http://localhost:8999",
        [P + "vllm-genagent:Editor:Backend"] = BackendNames.GenAgentServer,
        [P + "vllm-genagent:Editor:BaseUrl"] = "http://localhost:8998",

        // The released v1 weights: generation only, so no editor.
        [P + "vllm-genagent-v1:Agent:Backend"] = BackendNames.OpenAI,
        [P + "vllm-genagent-v1:Agent:Protocol"] = ProtocolProfiles.GenAgentV1Name,
        [P + "vllm-genagent-v1:Agent:BaseUrl"] = "http://localhost:18901/v1",
        [P + "vllm-genagent-v1:Agent:Temperature"] = "0",
        [P + "vllm-genagent-v1:Agent:StopAtToolCallEnd"] = "true",
        [P + "vllm-genagent-v1:Generator:Backend"] = BackendNames.GenAgentServer,
        [P + "vllm-genagent-v1:Generator:BaseUrl"] = "http://localhost:8999",
        [P + "vllm-genagent-v1:Editor:Backend"] = "",
    };

    /// <summary>Adds the built-in profiles as the lowest-priority configuration source.</summary>
    public static IConfigurationBuilder AddGenAgentProfiles(this IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = Values });
        return builder;
    }
}
