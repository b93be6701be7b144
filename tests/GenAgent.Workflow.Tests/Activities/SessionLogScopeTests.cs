using GenAgent.Core.Images;
using GenAgent.Core.Protocol;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Activities;
using GenAgent.Workflow.Tests.Fakes;

namespace GenAgent.Workflow.Tests.Activities;

/// <summary>Every line an activity logs carries the session id (the correlation id) in its scope.</summary>
public sealed class SessionLogScopeTests
{
    private static void AssertEveryEntryNamesTheSession<T>(RecordingLogger<T> logger, string sessionId)
    {
        Assert.NotEmpty(logger.Entries);
        foreach (var (message, scopes) in logger.Entries)
        {
            var scope = Assert.IsAssignableFrom<IReadOnlyList<KeyValuePair<string, object?>>>(Assert.Single(scopes));
            Assert.Contains(new KeyValuePair<string, object?>("SessionId", sessionId), scope);
            Assert.False(string.IsNullOrEmpty(message));
        }
    }

    [Fact]
    public async Task Agent_turn_and_tool_log_lines_carry_the_session_id()
    {
        using var folder = new TempFolder();
        var store = new LocalImageStore(folder.Path);
        var turnLogger = new RecordingLogger<AgentTurnActivity>();
        var toolLogger = new RecordingLogger<GenerateImageActivity>();
        var turn = new AgentTurnActivity(new ScriptedChatClient(Replies.Generate("a cat")), store, turnLogger);
        var tool = new GenerateImageActivity(new CountingImageTool(), store, toolLogger);

        await turn.RunAsync(null!, new AgentTurnInput("scoped-1", 0, [ConversationMessage.User("Prompt: a cat")]));
        await turn.RunAsync(null!, new AgentTurnInput("scoped-1", 0, [ConversationMessage.User("Prompt: a cat")]));
        await tool.RunAsync(null!, new ImageToolInput("scoped-1", 0, "a cat", 64, 64, Seed: 1));

        Assert.True(turnLogger.Entries.Count >= 3);
        AssertEveryEntryNamesTheSession(turnLogger, "scoped-1");
        AssertEveryEntryNamesTheSession(toolLogger, "scoped-1");
    }

    [Fact]
    public async Task A_failing_observer_is_logged_with_the_session_id()
    {
        using var folder = new TempFolder();
        var logger = new RecordingLogger<PublishProgressActivity>();
        var publish = new PublishProgressActivity(new LocalImageStore(folder.Path), [new FailingObserver()], logger);
        var trajectory = new Trajectory { SessionId = "scoped-2", Prompt = "a cat", Options = new SessionOptions() };

        await publish.RunAsync(null!, new PublishProgressInput("scoped-2", new SessionProgress(), trajectory));

        Assert.Contains(nameof(FailingObserver), Assert.Single(logger.Entries).Message, StringComparison.Ordinal);
        AssertEveryEntryNamesTheSession(logger, "scoped-2");
    }

    private sealed class FailingObserver : GenAgent.Workflow.Progress.ISessionObserver
    {
        public Task OnProgressAsync(string sessionId, SessionProgress progress, Trajectory trajectory, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the chat bot is offline");
    }
}
