using GenAgent.Core.Protocol;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace GenAgent.Core.Tests.Configuration;

public sealed class ProfileConfigurationTests
{
    private static IConfiguration Build(Dictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder().AddGenAgentProfiles().AddInMemoryCollection(overrides ?? []).Build();

    [Fact]
    public void Offline_is_the_default_and_is_all_sketch()
    {
        var options = ProfileConfiguration.Bind(Build(), profile: null);

        Assert.Equal(BackendNames.Sketch, options.Agent.Backend);
        Assert.Equal(BackendNames.Sketch, options.Generator.Backend);
        Assert.Equal(BackendNames.Sketch, options.Editor.Backend);
        Assert.Empty(GenAgentServiceCollectionExtensions.Validate(options));
    }

    [Fact]
    public void Openai_profile_uses_the_chat_and_images_apis()
    {
        var options = ProfileConfiguration.Bind(Build(), "openai");

        Assert.Equal((BackendNames.OpenAI, "https://api.openai.com/v1", "gpt-4.1"), (options.Agent.Backend, options.Agent.BaseUrl, options.Agent.Model));
        Assert.Equal((BackendNames.OpenAIImages, "gpt-image-1"), (options.Generator.Backend, options.Generator.Model));
        Assert.Equal(BackendNames.OpenAIImages, options.Editor.Backend);
        Assert.Empty(GenAgentServiceCollectionExtensions.Validate(options));
    }

    [Fact]
    public void Vllm_genagent_profile_matches_the_reference_deployment()
    {
        var options = ProfileConfiguration.Bind(Build(), "vllm-genagent");

        // The authors' scripts: vLLM on 18901, generator on 8999, editor on 8998; the model name comes from GET /v1/models.
        Assert.Equal("http://localhost:18901/v1", options.Agent.BaseUrl);
        Assert.Null(options.Agent.Model);
        Assert.Null(options.Agent.MaxOutputTokens);
        Assert.Equal(0, options.Agent.Temperature);
        Assert.True(options.Agent.StopAtToolCallEnd);
        Assert.Equal((BackendNames.GenAgentServer, "http://localhost:8999", (int?)null, (double?)null),
            (options.Generator.Backend, options.Generator.BaseUrl, options.Generator.Steps, options.Generator.Guidance));
        Assert.Equal((BackendNames.GenAgentServer, "http://localhost:8998"), (options.Editor.Backend, options.Editor.BaseUrl));
    }

    [Fact]
    public void Vllm_genagent_v1_has_one_tool_and_the_v1_defaults()
    {
        var v1 = ProfileConfiguration.Bind(Build(), "vllm-genagent-v1");
        var v2 = ProfileConfiguration.Bind(Build(), "vllm-genagent");

        Assert.Equal((ProtocolProfiles.GenAgentV1Name, "http://localhost:18901/v1", ""), (v1.Agent.Protocol, v1.Agent.BaseUrl, v1.Editor.Backend));
        Assert.Equal(ProtocolProfiles.GenAgentV2Name, v2.Agent.Protocol);
        Assert.Equal(ProtocolProfiles.GeneralName, ProfileConfiguration.Bind(Build(), "openai").Agent.Protocol);
        var defaults = v1.SessionDefaults();
        Assert.Equal((2, 9, 512, 512), (defaults.MaxImages, defaults.MaxTurns, defaults.Width, defaults.Height));
        Assert.Equal([ToolNames.Generate], defaults.Tools);
        Assert.Equal(ToolNames.All, v2.SessionDefaults().Tools);
        // v2 without an editor backend offers generation only.
        v2.Editor.Backend = "";
        Assert.Equal([ToolNames.Generate], v2.SessionDefaults().Tools);
    }

    [Fact]
    public void Settings_outside_the_profile_win_over_it()
    {
        var configuration = Build(new()
        {
            ["GenAgent:Agent:Model"] = "gpt-4.1-mini",
            ["GenAgent:Agent:ApiKey"] = "sk-env",
            ["GenAgent:Generator:BaseUrl"] = "http://gpu-box:9000",
        });

        var options = ProfileConfiguration.Bind(configuration, "vllm-genagent");

        Assert.Equal("gpt-4.1-mini", options.Agent.Model);
        Assert.Equal("sk-env", options.Agent.ApiKey);
        Assert.Equal("http://gpu-box:9000", options.Generator.BaseUrl);
        Assert.Equal("http://localhost:18901/v1", options.Agent.BaseUrl);
    }

    [Fact]
    public void A_profile_key_in_configuration_does_not_replace_the_flag()
    {
        var options = ProfileConfiguration.Bind(Build(new() { ["GenAgent:Profile"] = "openai" }), "offline");

        Assert.Equal(BackendNames.Sketch, options.Agent.Backend);
    }

    [Fact]
    public void An_unknown_profile_lists_the_known_ones()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ProfileConfiguration.Bind(Build(), "cloud"));

        Assert.Contains("Unknown profile 'cloud'", error.Message, StringComparison.Ordinal);
        Assert.Contains("offline, openai, vllm-genagent", error.Message, StringComparison.Ordinal);
        Assert.Contains("GenAgent:Profiles:cloud", error.Message, StringComparison.Ordinal);
    }
}
