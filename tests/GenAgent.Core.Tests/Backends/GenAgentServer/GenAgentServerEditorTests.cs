using GenAgent.Core.Backends.GenAgentServer;
using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Tests.Backends.GenAgentServer;

public sealed class GenAgentServerEditorTests
{
    [Fact]
    public async Task Posts_the_instruction_the_source_png_as_base64_and_its_size()
    {
        await using var server = await StubServer.StartAsync((_, _, context) => GenAgentServerGeneratorTests.Answer(context));
        var editor = new GenAgentServerEditor(TestHttp.Client(), new ToolOptions { Backend = BackendNames.GenAgentServer, BaseUrl = server.Root.ToString(), ApiKey = "k" });
        var source = TestImages.Png(20, 20);

        var image = await editor.EditAsync(new EditRequest("remove the third apple", source, 20, 16, Seed: 1));

        Assert.Equal((32, 24), (image.Width, image.Height));
        var request = Assert.Single(server.Requests);
        Assert.Equal("/generate/", request.PathAndQuery);
        Assert.Equal("Bearer k", request.Header("Authorization"));
        var body = request.Json;
        Assert.Equal(["remove the third apple"], body.GetProperty("prompt").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(source, Convert.FromBase64String(Assert.Single(body.GetProperty("image").EnumerateArray()).GetString()!));
        // The source's size, so a non-square session gets non-square edits back; no seed, which the server ignores.
        Assert.Equal((16, 20), (body.GetProperty("height").GetInt32(), body.GetProperty("width").GetInt32()));
        Assert.Equal(["prompt", "image", "height", "width"], body.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Forbidden_names_the_editor_key_setting()
    {
        await using var server = await StubServer.StartAsync(403, """{"detail": "bad token"}""");
        var editor = new GenAgentServerEditor(TestHttp.Client(), new ToolOptions { Backend = BackendNames.GenAgentServer, BaseUrl = server.Root.ToString() });

        var error = await Assert.ThrowsAsync<PermanentToolException>(() => editor.EditAsync(new EditRequest("x", TestImages.Png(), 32, 24, 0)));

        Assert.Contains("GenAgent__Editor__ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad token", error.Message, StringComparison.Ordinal);
    }
}
