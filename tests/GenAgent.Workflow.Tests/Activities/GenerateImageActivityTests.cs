using GenAgent.Core.Images;
using GenAgent.Workflow.Activities;
using GenAgent.Workflow.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAgent.Workflow.Tests.Activities;

public sealed class GenerateImageActivityTests
{
    [Fact]
    public async Task A_rerun_for_the_same_session_turn_reuses_the_stored_image_without_calling_the_tool()
    {
        using var folder = new TempFolder();
        var store = new LocalImageStore(folder.Path);
        var tool = new CountingImageTool();
        var activity = new GenerateImageActivity(tool, store, NullLogger<GenerateImageActivity>.Instance);
        var input = new ImageToolInput("s1", 3, "a cat", 64, 64, Seed: 42);

        var first = await activity.RunAsync(null!, input);
        var second = await activity.RunAsync(null!, input);

        Assert.Equal(1, tool.Generations);
        Assert.False(first.Reused);
        Assert.True(second.Reused);
        Assert.Equal(first.Image, second.Image);
        Assert.Equal("sessions/s1/turn-03.png", first.Image.Key);
        Assert.Equal([42L], tool.Seeds);
    }

    [Fact]
    public async Task Edit_of_a_missing_source_fails_permanently()
    {
        using var folder = new TempFolder();
        var tool = new CountingImageTool();
        var activity = new EditImageActivity(tool, new LocalImageStore(folder.Path), NullLogger<EditImageActivity>.Instance);
        var input = new ImageToolInput("s1", 1, "brighter", 64, 64, 0, new ImageRef("sessions/s1/turn-00.png", 64, 64));

        await Assert.ThrowsAsync<GenAgent.Core.Tools.PermanentToolException>(() => activity.RunAsync(null!, input));
        Assert.Equal(0, tool.Edits);
    }
}
