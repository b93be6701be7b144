using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Judging;
using GenAgent.Core.Backends.GenAgentServer;
using GenAgent.Core.Backends.OpenAI;
using GenAgent.Core.Backends.OpenAIImages;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Sketch;
using GenAgent.Core.Tests.Backends;
using GenAgent.Core.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using IChatClient = Microsoft.Extensions.AI.IChatClient;

namespace GenAgent.Core.Tests.Configuration;

public sealed class GenAgentServiceCollectionExtensionsTests
{
    private static GenAgentOptions Profile(string name) =>
        ProfileConfiguration.Bind(new ConfigurationBuilder().AddGenAgentProfiles().Build(), name);

    [Fact]
    public void Offline_registers_the_sketch_world_and_a_local_store()
    {
        var options = Profile("offline");
        using var provider = new ServiceCollection().AddGenAgentCore(options).BuildServiceProvider();

        Assert.IsType<SketchAgent>(provider.GetRequiredService<IChatClient>());
        Assert.IsType<SketchGenerator>(provider.GetRequiredService<IImageGenerator>());
        Assert.IsType<SketchEditor>(provider.GetRequiredService<IImageEditor>());
        Assert.IsType<LocalImageStore>(provider.GetRequiredService<IImageStore>());
        Assert.Same(options, provider.GetRequiredService<IOptions<GenAgentOptions>>().Value);
    }

    [Fact]
    public void Vllm_genagent_registers_the_http_backends()
    {
        using var provider = new ServiceCollection().AddGenAgentCore(Profile("vllm-genagent")).BuildServiceProvider();

        // No model name in the profile: the client asks the endpoint's /models on first use, as the reference does.
        Assert.IsType<ModelDiscoveryChatClient>(provider.GetRequiredService<IChatClient>());
        Assert.IsType<GenAgentServerGenerator>(provider.GetRequiredService<IImageGenerator>());
        Assert.IsType<GenAgentServerEditor>(provider.GetRequiredService<IImageEditor>());
    }

    [Fact]
    public void Openai_registers_the_images_client_for_both_tools()
    {
        using var provider = new ServiceCollection().AddGenAgentCore(Profile("openai")).BuildServiceProvider();

        Assert.IsType<OpenAIImagesClient>(provider.GetRequiredService<IImageGenerator>());
        Assert.IsType<OpenAIImagesClient>(provider.GetRequiredService<IImageEditor>());
    }

    [Fact]
    public void An_empty_editor_backend_registers_no_editor()
    {
        var options = Profile("offline");
        options.Editor.Backend = "";
        using var provider = new ServiceCollection().AddGenAgentCore(options).BuildServiceProvider();

        Assert.Null(provider.GetService<IImageEditor>());
    }

    [Fact]
    public void A_blob_store_is_built_from_the_connection_string()
    {
        var options = Profile("offline");
        options.Store.Kind = "blob";
        options.Store.ConnectionString = "UseDevelopmentStorage=true";
        options.Store.Container = "images";
        using var provider = new ServiceCollection().AddGenAgentCore(options).BuildServiceProvider();

        var store = Assert.IsType<BlobImageStore>(provider.GetRequiredService<IImageStore>());
        Assert.Equal("images", store.Container.Name);
    }

    [Fact]
    public void An_unknown_generator_names_the_key_and_the_choices()
    {
        var options = Profile("offline");
        options.Generator.Backend = "foo";

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddGenAgentCore(options));

        Assert.Contains("GenAgent:Generator:Backend 'foo' is unknown; use openai-images, genagent-server, a1111, comfyui or sketch.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_every_problem_with_its_key()
    {
        var options = Profile("offline");
        options.Agent.Backend = BackendNames.OpenAI;
        options.Agent.Temperature = 3;
        options.Generator.Backend = BackendNames.OpenAIImages;
        options.Editor.Backend = "magic";
        options.Store.Kind = "blob";

        var problems = GenAgentServiceCollectionExtensions.Validate(options);

        Assert.Contains(problems, p => p.StartsWith("GenAgent:Agent:Temperature", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("GenAgent:Agent:BaseUrl is required", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith("GenAgent:Agent:Model", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("GenAgent:Generator:BaseUrl is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("GenAgent:Generator:Model is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("GenAgent:Editor:Backend 'magic' is unknown", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("GenAgent:Store:ConnectionString is required", StringComparison.Ordinal));
        Assert.Equal(6, problems.Count);
    }

    [Fact]
    public void An_unknown_protocol_a_missing_prompt_file_and_a_judge_without_a_url_scheme_are_reported()
    {
        var options = Profile("offline");
        options.Agent.Protocol = "genagent-v3";
        options.Agent.SystemPromptFile = "/no/such/prompt.txt";
        options.Judge.BaseUrl = "judge-box:9000";

        var problems = GenAgentServiceCollectionExtensions.Validate(options);

        Assert.Contains("GenAgent:Agent:Protocol 'genagent-v3' is unknown; use genagent-v2, genagent-v1, general.", problems);
        Assert.Contains("GenAgent:Agent:SystemPromptFile '/no/such/prompt.txt' does not exist.", problems);
        Assert.Contains(problems, p => p.StartsWith("GenAgent:Judge:BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void A_configured_judge_registers_its_own_client_beside_the_agent()
    {
        var options = Profile("offline");
        using (var without = new ServiceCollection().AddGenAgentCore(options).BuildServiceProvider())
            Assert.Null(without.GetService<JudgeChatClient>());

        options.Judge.BaseUrl = "http://127.0.0.1:9/v1";
        options.Judge.Model = "judge-vlm";
        using var provider = new ServiceCollection().AddGenAgentCore(options).BuildServiceProvider();

        Assert.IsType<AgentChatClient>(provider.GetRequiredService<JudgeChatClient>().Client);
        Assert.IsNotType<AgentChatClient>(provider.GetRequiredService<IChatClient>());
        Assert.Equal(ProtocolProfiles.GeneralName, provider.GetRequiredService<AgentProtocol>().Profile.Name);
    }

    [Fact]
    public void An_unknown_agent_backend_and_store_kind_are_reported()
    {
        var options = Profile("offline");
        options.Agent.Backend = "claude";
        options.Store.Kind = "s3";

        var problems = GenAgentServiceCollectionExtensions.Validate(options);

        Assert.Equal(
            ["GenAgent:Agent:Backend 'claude' is unknown; use openai or sketch.", "GenAgent:Store:Kind 's3' is unknown; use local or blob."],
            problems);
    }

    [Fact]
    public async Task The_registered_generator_talks_to_the_configured_server_through_the_resilience_handler()
    {
        await using var server = await StubServer.StartAsync((n, _, context) => n == 1
            ? StubServer.WriteAsync(context, 502, "bad gateway", "text/plain")
            : Backends.GenAgentServer.GenAgentServerGeneratorTests.Answer(context));
        var options = Profile("vllm-genagent");
        options.Generator.BaseUrl = server.Root.ToString();
        options.Generator.CostPerImage = 0.01m;
        var services = new ServiceCollection();
        GenAgentServiceCollectionExtensions.AddGenAgentCore(services, options, TestHttp.Fast());
        using var provider = services.BuildServiceProvider();

        var image = await provider.GetRequiredService<IImageGenerator>().GenerateAsync(new GenerationRequest("a cat", 512, 512, 0));

        Assert.Equal(0.01m, image.Cost);
        Assert.Equal(2, server.Requests.Count);
    }
}
