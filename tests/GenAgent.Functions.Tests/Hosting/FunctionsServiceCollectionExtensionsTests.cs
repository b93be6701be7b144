using GenAgent.Core.Telemetry;
using GenAgent.Workflow.Starting;
using OpenTelemetry.Trace;
using GenAgent.Api;
using GenAgent.Core.Protocol;
using GenAgent.Functions.Hosting;
using GenAgent.Functions.Tests.Fakes;
using GenAgent.Triggers;
using GenAgent.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Functions.Tests.Hosting;

public sealed class FunctionsServiceCollectionExtensionsTests
{
    [Fact]
    public void Settings_from_configuration_reach_the_api_the_workflow_and_the_triggers()
    {
        using var app = new OfflineApp(new Dictionary<string, string?>
        {
            [ApiOptions.SectionName + ":MaxPromptLength"] = "123",
            [FunctionsServiceCollectionExtensions.WorkflowOptionsSection + ":MaxAttempts"] = "7",
            [TriggerOptions.SectionName + ":RetentionDays"] = "9",
        });

        Assert.Equal(123, app.Root.GetRequiredService<ApiOptions>().MaxPromptLength);
        // The triggers' and Discord's start rule is the API's.
        Assert.Equal(123, app.Root.GetRequiredService<StartRules>().MaxPromptLength);
        Assert.Equal(ToolNames.All, app.Root.GetRequiredService<ApiOptions>().AvailableTools);
        Assert.Equal(7, app.Root.GetRequiredService<WorkflowOptions>().MaxAttempts);
        Assert.Equal(9, app.Root.GetRequiredService<TriggerOptions>().RetentionDays);
    }

    [Fact]
    public void Sessions_traces_are_collected_in_the_functions_host()
    {
        using var app = new OfflineApp(new Dictionary<string, string?>());

        Assert.NotNull(app.Root.GetRequiredService<TracerProvider>());
        using var activity = GenAgentTelemetry.Source.StartActivity("probe");
        Assert.NotNull(activity);
    }

    [Fact]
    public void Rewards_are_judged_offline_without_a_judge_endpoint()
    {
        using var app = new OfflineApp(new Dictionary<string, string?>());

        Assert.Equal(GenAgent.Sketch.SketchImageJudge.JudgeName, app.Root.GetRequiredService<GenAgent.Core.Judging.IImageJudge>().Name);
    }

    [Fact]
    public void Without_an_editor_backend_the_api_never_offers_the_editing_tool()
    {
        using var app = new OfflineApp(new Dictionary<string, string?> { ["GenAgent:Editor:Backend"] = "" });

        Assert.Equal([ToolNames.Generate], app.Root.GetRequiredService<ApiOptions>().AvailableTools);
    }

    [Fact]
    public void Trigger_limits_out_of_range_fail_at_startup_naming_the_field()
    {
        var failure = Assert.ThrowsAny<Exception>(() => new OfflineApp(new Dictionary<string, string?>
        {
            [TriggerOptions.SectionName + ":RetentionDays"] = "0",
        }));

        Assert.Contains(nameof(TriggerOptions.RetentionDays), failure.Message, StringComparison.Ordinal);
    }
}
