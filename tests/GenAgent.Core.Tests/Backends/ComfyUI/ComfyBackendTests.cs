using GenAgent.Core.Backends.ComfyUI;
using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;
using SkiaSharp;

namespace GenAgent.Core.Tests.Backends.ComfyUI;

/// <summary>The ComfyUI backend against <see cref="FakeComfyUI"/>: the workflow it queues, the image it fetches, and each failure's class.</summary>
public sealed class ComfyBackendTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("genagent-comfy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ToolOptions Options(FakeComfyUI server, string? workflow = null) => new()
    {
        Backend = BackendNames.ComfyUI, BaseUrl = server.Root.ToString(), Model = "sd_xl_turbo_1.0.safetensors", Workflow = workflow, NegativePrompt = "blurry", Steps = 6,
    };

    [Fact]
    public async Task The_built_in_workflow_carries_caption_negative_seed_steps_size_and_checkpoint_and_the_output_comes_back()
    {
        await using var server = await FakeComfyUI.StartAsync();
        var generator = new ComfyGenerator(TestHttp.Client(), Options(server));

        var image = await generator.GenerateAsync(new GenerationRequest("three red clocks", 96, 64, Seed: 5));

        var graph = Assert.Single(server.Prompts);
        Assert.Equal("sd_xl_turbo_1.0.safetensors", graph["4"]!["inputs"]!["ckpt_name"]!.GetValue<string>());
        Assert.Equal("three red clocks", graph["6"]!["inputs"]!["text"]!.GetValue<string>());
        Assert.Equal("blurry", graph["7"]!["inputs"]!["text"]!.GetValue<string>());
        Assert.Equal(5, graph["3"]!["inputs"]!["seed"]!.GetValue<long>());
        Assert.Equal(6, graph["3"]!["inputs"]!["steps"]!.GetValue<int>());
        Assert.Equal((96, 64), (graph["5"]!["inputs"]!["width"]!.GetValue<int>(), graph["5"]!["inputs"]!["height"]!.GetValue<int>()));
        Assert.Equal((96, 64), (image.Width, image.Height));
        using var bitmap = SKBitmap.Decode(image.Png);
        Assert.Equal(new SKColor(185, 455 % 256, 65), bitmap.GetPixel(10, 10));
    }

    [Fact]
    public async Task A_workflow_with_placeholders_gets_numbers_for_numeric_ones_and_text_inside_strings()
    {
        await using var server = await FakeComfyUI.StartAsync();
        var path = Path.Combine(_folder, "flux.json");
        await File.WriteAllTextAsync(path, """
            {
              "1": {"class_type": "UNETLoader", "inputs": {"unet_name": "flux1-dev.safetensors"}},
              "2": {"class_type": "CLIPTextEncodeFlux", "inputs": {"t5xxl": "{{prompt}}", "clip_l": "style: {{prompt}}"}},
              "3": {"class_type": "KSampler", "inputs": {"seed": "{{seed}}", "steps": "{{steps}}", "positive": ["2", 0]}},
              "5": {"class_type": "EmptyLatentImage", "inputs": {"width": "{{width}}", "height": "{{height}}"}},
              "9": {"class_type": "SaveImage", "inputs": {"images": ["3", 0]}}
            }
            """);
        var generator = new ComfyGenerator(TestHttp.Client(), Options(server, path));

        await generator.GenerateAsync(new GenerationRequest("a kite", 128, 64, Seed: 77));

        var graph = Assert.Single(server.Prompts);
        Assert.Equal("a kite", graph["2"]!["inputs"]!["t5xxl"]!.GetValue<string>());
        Assert.Equal("style: a kite", graph["2"]!["inputs"]!["clip_l"]!.GetValue<string>());
        Assert.Equal(77, graph["3"]!["inputs"]!["seed"]!.GetValue<long>());
        Assert.Equal(6, graph["3"]!["inputs"]!["steps"]!.GetValue<int>());
        Assert.Equal(128, graph["5"]!["inputs"]!["width"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_edit_uploads_its_source_and_loads_it_by_the_name_the_server_gave()
    {
        await using var server = await FakeComfyUI.StartAsync();
        var options = Options(server);
        options.DenoisingStrength = 0.4;
        var source = TestImages.Png(20, 16);

        await new ComfyEditor(TestHttp.Client(), options).EditAsync(new EditRequest("make it red", source, 20, 16, Seed: 3));

        var (name, bytes) = Assert.Single(server.Uploads);
        Assert.Equal(source, bytes);
        var graph = Assert.Single(server.Prompts);
        Assert.Equal($"genagent/{name}", graph["10"]!["inputs"]!["image"]!.GetValue<string>());
        Assert.Equal("make it red", graph["6"]!["inputs"]!["text"]!.GetValue<string>());
        Assert.Equal(0.4, graph["3"]!["inputs"]!["denoise"]!.GetValue<double>());
    }

    [Fact]
    public async Task Node_validation_errors_are_permanent_and_name_the_node()
    {
        await using var server = await FakeComfyUI.StartAsync();
        var options = Options(server);
        options.Steps = 0;

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => new ComfyGenerator(TestHttp.Client(), options).GenerateAsync(new GenerationRequest("x", 64, 64, 1)));

        Assert.Contains("node 3 (KSampler): Value 0 smaller than min of 1: steps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_execution_error_is_permanent_with_the_node_and_its_exception()
    {
        await using var server = await FakeComfyUI.StartAsync();
        server.Mode = FakeComfyUI.JobMode.FailInNode;

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => new ComfyGenerator(TestHttp.Client(), Options(server)).GenerateAsync(new GenerationRequest("x", 64, 64, 1)));

        Assert.Contains("node 3 (KSampler): CUDA out of memory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_a_restarted_server_forgot_is_transient_so_the_workflow_queues_it_again()
    {
        await using var server = await FakeComfyUI.StartAsync();
        server.Mode = FakeComfyUI.JobMode.Stall;
        var call = new ComfyGenerator(TestHttp.Client(), Options(server)).GenerateAsync(new GenerationRequest("x", 64, 64, 1));
        while (server.Prompts.IsEmpty) await Task.Delay(20);

        server.Restart();

        var error = await Assert.ThrowsAsync<TransientToolException>(() => call);
        Assert.Contains("no longer knows job p-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_takes_our_job_out_of_the_queue_and_interrupts_it_by_id()
    {
        await using var server = await FakeComfyUI.StartAsync();
        server.Mode = FakeComfyUI.JobMode.Stall;
        using var cancel = new CancellationTokenSource();
        var call = new ComfyGenerator(TestHttp.Client(), Options(server)).GenerateAsync(new GenerationRequest("x", 64, 64, 1), cancel.Token);
        while (server.Prompts.IsEmpty) await Task.Delay(20);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        var controls = server.Controls.ToList();
        Assert.Equal(["queue", "interrupt"], controls.Select(c => c.Route));
        Assert.Equal("p-1", controls[0].Body["delete"]![0]!.GetValue<string>());
        Assert.Equal("p-1", controls[1].Body["prompt_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_job_still_unfinished_at_the_tool_timeout_is_given_up_transiently_and_taken_out_of_the_queue()
    {
        await using var server = await FakeComfyUI.StartAsync();
        server.Mode = FakeComfyUI.JobMode.Stall;
        var options = Options(server);
        options.TimeoutSeconds = 1;

        var error = await Assert.ThrowsAsync<TransientToolException>(() => new ComfyGenerator(TestHttp.Client(), options).GenerateAsync(new GenerationRequest("x", 64, 64, 1)));

        Assert.Contains("within 1 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(["queue", "interrupt"], server.Controls.Select(c => c.Route));
    }

    [Fact]
    public async Task A_workflow_saved_in_the_ui_format_is_refused_with_how_to_export_it()
    {
        var path = Path.Combine(_folder, "ui.json");
        await File.WriteAllTextAsync(path, """{"last_node_id": 9, "nodes": [{"id": 3, "type": "KSampler"}], "links": []}""");

        var error = Assert.Throws<InvalidOperationException>(() => new ComfyGenerator(TestHttp.Client(), new ToolOptions { Backend = BackendNames.ComfyUI, BaseUrl = "http://127.0.0.1:8188/", Workflow = path }));

        Assert.Contains("Save (API)", error.Message, StringComparison.Ordinal);
        Assert.Contains("GenAgent:Generator:Workflow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workflow_with_neither_placeholders_nor_a_ksampler_says_what_to_add()
    {
        await using var server = await FakeComfyUI.StartAsync();
        var path = Path.Combine(_folder, "odd.json");
        await File.WriteAllTextAsync(path, """{"1": {"class_type": "SamplerCustomAdvanced", "inputs": {}}}""");

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => new ComfyGenerator(TestHttp.Client(), Options(server, path)).GenerateAsync(new GenerationRequest("x", 64, 64, 1)));

        Assert.Contains("{{prompt}}", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Prompts);
    }
}
