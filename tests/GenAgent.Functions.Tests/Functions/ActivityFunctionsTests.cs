using GenAgent.Core.Images;
using GenAgent.Core.Protocol;
using GenAgent.Core.Sessions;
using GenAgent.Core.Tools;
using GenAgent.Functions.Functions;
using GenAgent.Functions.Tests.Fakes;
using GenAgent.Workflow;
using GenAgent.Workflow.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Functions.Tests.Functions;

/// <summary>
/// Each activity wrapper, called as the worker calls it (an invocation scope of the app's own registrations), against
/// the offline world and a local store, gives what the TaskActivity class gives when run directly in a twin app.
/// </summary>
public sealed class ActivityFunctionsTests : IDisposable
{
    private const string Session = "fn-episode";
    private const string Prompt = "a photo of three red clocks on the left and a blue bus on the right";

    private readonly OfflineApp _wrapped = new();
    private readonly OfflineApp _direct = new();

    [Fact]
    public async Task An_episode_through_the_wrappers_matches_the_task_activities_step_for_step()
    {
        List<ConversationMessage> conversation =
        [
            ConversationMessage.System(SystemPrompt.Build(ToolNames.All)),
            PromptMessages.UserPrompt(Prompt, inputImage: null),
        ];

        var first = await BothAsync<AgentTurnActivity, AgentTurnInput, AgentTurnResult>(
            (f, i) => f.AgentTurnAsync(i, Session), new AgentTurnInput(Session, 0, [.. conversation]));
        Assert.Equal(first.Direct.Text, first.Wrapped.Text);
        Assert.Equal(first.Direct.Usage, first.Wrapped.Usage);
        var call = AgentReplyParser.Parse(first.Wrapped.Text).ToolCall;
        Assert.NotNull(call);
        Assert.Equal(ToolNames.Generate, call.Name);

        var generated = await BothAsync<GenerateImageActivity, ImageToolInput, ImageToolResult>(
            (f, i) => f.GenerateImageAsync(i, Session), new ImageToolInput(Session, 1, call.Argument, 256, 256, Seed: 7));
        await AssertSameImageAsync(generated.Direct, generated.Wrapped);

        conversation.Add(ConversationMessage.Assistant(first.Wrapped.Text));
        conversation.Add(PromptMessages.ToolResponse(generated.Wrapped.Image));
        var judged = await BothAsync<AgentTurnActivity, AgentTurnInput, AgentTurnResult>(
            (f, i) => f.AgentTurnAsync(i, Session), new AgentTurnInput(Session, 2, [.. conversation]));
        Assert.Equal(judged.Direct.Text, judged.Wrapped.Text);
        Assert.NotNull(AgentReplyParser.Parse(judged.Wrapped.Text).Judge);

        var edited = await BothAsync<EditImageActivity, ImageToolInput, ImageToolResult>(
            (f, i) => f.EditImageAsync(i, Session),
            new ImageToolInput(Session, 3, "make the bus green", 256, 256, Seed: 11, Source: generated.Wrapped.Image));
        await AssertSameImageAsync(edited.Direct, edited.Wrapped);

        var compared = await BothAsync<CompareImagesActivity, CompareImagesInput, CompareImagesResult>(
            (f, i) => f.CompareImagesAsync(i, Session), new CompareImagesInput(Session, 0, Prompt, generated.Wrapped.Image, edited.Wrapped.Image));
        Assert.NotNull(compared.Wrapped.Winner);
        Assert.Equal(compared.Direct.Winner, compared.Wrapped.Winner);
        Assert.Equal(compared.Direct.RawText, compared.Wrapped.RawText);

        var trajectory = new Trajectory
        {
            SessionId = Session,
            Prompt = Prompt,
            Options = new SessionOptions { Width = 256, Height = 256 },
            Turns = [new TurnRecord { Index = 1, Kind = TurnKind.Generate, Argument = call.Argument, Image = generated.Wrapped.Image }],
            FinalImage = edited.Wrapped.Image,
        };
        var progress = new SessionProgress { Round = 1, Turn = 1, Phase = SessionPhase.Thinking, LastImage = generated.Wrapped.Image, ImagesUsed = 1 };
        var published = await BothAsync<PublishProgressActivity, PublishProgressInput, bool>(
            (f, i) => f.PublishProgressAsync(i, Session), new PublishProgressInput(Session, progress, trajectory));
        Assert.True(published.Wrapped);
        Assert.Equal(await StoredAsync(_direct, SessionKeys.Trajectory(Session)), await StoredAsync(_wrapped, SessionKeys.Trajectory(Session)));

        var finalized = await BothAsync<FinalizeSessionActivity, Trajectory, bool>((f, i) => f.FinalizeSessionAsync(i, Session), trajectory);
        Assert.True(finalized.Wrapped);
        Assert.Equal(await StoredAsync(_wrapped, edited.Wrapped.Image.Key), await StoredAsync(_wrapped, SessionKeys.FinalImage(Session)));
        Assert.Equal(await StoredAsync(_direct, SessionKeys.Trajectory(Session)), await StoredAsync(_wrapped, SessionKeys.Trajectory(Session)));
    }

    [Fact]
    public async Task An_edit_without_a_source_fails_through_the_wrapper_as_it_does_in_the_activity()
    {
        using var scope = _wrapped.Invocation();
        var functions = new ActivityFunctions(scope.ServiceProvider);

        var failure = await Assert.ThrowsAsync<PermanentToolException>(
            () => functions.EditImageAsync(new ImageToolInput(Session, 1, "make it blue", 64, 64, Seed: 1), Session));

        Assert.Contains("source image", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _wrapped.Dispose();
        _direct.Dispose();
    }

    /// <summary>Runs the wrapper in one app and the TaskActivity class directly in its twin, each in an invocation scope.</summary>
    private async Task<(TOutput Wrapped, TOutput Direct)> BothAsync<TActivity, TInput, TOutput>(
        Func<ActivityFunctions, TInput, Task<TOutput>> wrapper, TInput input)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        using var wrappedScope = _wrapped.Invocation();
        var viaFunction = await wrapper(new ActivityFunctions(wrappedScope.ServiceProvider), input);
        using var directScope = _direct.Invocation();
        var activity = ActivatorUtilities.CreateInstance<TActivity>(directScope.ServiceProvider);
        var viaActivity = await activity.RunAsync(null!, input);
        return (viaFunction, viaActivity);
    }

    private async Task AssertSameImageAsync(ImageToolResult direct, ImageToolResult wrapped)
    {
        Assert.Equal(direct.Image, wrapped.Image);
        Assert.Equal(direct.Cost, wrapped.Cost);
        Assert.False(wrapped.Reused);
        var png = await StoredAsync(_wrapped, wrapped.Image.Key);
        Assert.NotEmpty(png);
        Assert.Equal(await StoredAsync(_direct, direct.Image.Key), png);
    }

    private static async Task<byte[]> StoredAsync(OfflineApp app, string key) =>
        await app.Root.GetRequiredService<IImageStore>().TryGetAsync(key) ?? throw new InvalidOperationException($"{key} is not in the store.");
}
