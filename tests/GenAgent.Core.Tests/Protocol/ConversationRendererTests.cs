using GenAgent.Core.Images;
using GenAgent.Core.Protocol;
using Microsoft.Extensions.AI;

namespace GenAgent.Core.Tests.Protocol;

public sealed class ConversationRendererTests : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"genagent-render-{Guid.NewGuid():N}");
    private readonly LocalImageStore _store;

    public ConversationRendererTests() => _store = new LocalImageStore(_root);

    [Fact]
    public async Task Renders_roles_text_and_stored_images()
    {
        var image = new ImageRef("sessions/s1/turn-01.png", 64, 64);
        await _store.PutAsync(image.Key, Png, image.MediaType);
        ConversationMessage[] messages =
        [
            ConversationMessage.System("system text"),
            PromptMessages.UserPrompt("a cube", null),
            ConversationMessage.Assistant("<tool_call>{}</tool_call>"),
            PromptMessages.ToolResponse(image),
        ];

        var rendered = await ConversationRenderer.RenderAsync(messages, _store);

        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], rendered.Select(m => m.Role));
        Assert.Equal("Prompt: a cube", Assert.IsType<TextContent>(Assert.Single(rendered[1].Contents)).Text);
        var response = rendered[3].Contents;
        Assert.Equal(3, response.Count);
        Assert.Equal("<tool_response>", Assert.IsType<TextContent>(response[0]).Text);
        var data = Assert.IsType<DataContent>(response[1]);
        Assert.Equal("image/png", data.MediaType);
        Assert.Equal(Png, data.Data.ToArray());
        Assert.StartsWith("data:image/png;base64,", data.Uri, StringComparison.Ordinal);
        Assert.Equal("</tool_response>", Assert.IsType<TextContent>(response[2]).Text);
    }

    [Fact]
    public async Task A_missing_image_throws_naming_its_key()
    {
        var message = PromptMessages.ToolResponse(new ImageRef("sessions/s1/gone.png", 64, 64));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ConversationRenderer.RenderAsync([message], _store));

        Assert.Contains("sessions/s1/gone.png", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_role_throws()
    {
        var message = new ConversationMessage("tool", [ConversationPart.FromText("x")]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ConversationRenderer.RenderAsync([message], _store));

        Assert.Contains("tool", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
