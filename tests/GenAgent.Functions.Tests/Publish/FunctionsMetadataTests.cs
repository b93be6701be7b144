using System.Reflection;
using System.Text.Json.Nodes;
using GenAgent.Functions.Functions;
using GenAgent.Functions.Triggers;
using GenAgent.Functions.Tests.Fakes;
using GenAgent.Workflow;
using Microsoft.Azure.Functions.Worker;

namespace GenAgent.Functions.Tests.Publish;

/// <summary>
/// The published app is what Azure runs: the host reads functions.metadata to know which functions exist and what
/// triggers them, so a wrapper the SDK failed to index would silently never run.
/// </summary>
public sealed class FunctionsMetadataTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    /// <summary>The functions the product needs, by name and trigger; a wrapper deleted by mistake fails here.</summary>
    public static TheoryData<string, string> Required => WithActivities(new()
    {
        { WorkflowNames.AgentSession, "orchestrationTrigger" },
        { "CreateSession", "httpTrigger" },
        { "ScoreRewards", "httpTrigger" },
        { "RunRollouts", "httpTrigger" },
        { "GetSession", "httpTrigger" },
        { "GetSessionTrajectory", "httpTrigger" },
        { "GetSessionImage", "httpTrigger" },
        { "SendSessionMessage", "httpTrigger" },
        { "CancelSession", "httpTrigger" },
        { "GetSessionReport", "httpTrigger" },
        { "Events", "httpTrigger" },
        { "RequestQueue", "queueTrigger" },
        { "Retention", "timerTrigger" },
        { RequestFileCollector.Orchestration, "orchestrationTrigger" },
        { RequestFileCollector.EndedActivity, "activityTrigger" },
        { RequestFileCollector.CollectActivity, "activityTrigger" },
    });

    /// <summary>Every activity of the workflow's one list needs its wrapper.</summary>
    private static TheoryData<string, string> WithActivities(TheoryData<string, string> others)
    {
        foreach (var (name, _) in WorkflowNames.Activities) others.Add(name, "activityTrigger");
        return others;
    }

    [Fact]
    public void Publish_succeeds_with_the_app_the_linked_host_json_and_the_metadata()
    {
        Assert.True(app.ExitCode == 0, app.Log);
        Assert.True(File.Exists(Path.Combine(app.Output, "GenAgent.Functions.dll")));
        Assert.True(File.Exists(Path.Combine(app.Output, "functions.metadata")));
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")),
            File.ReadAllText(Path.Combine(app.Output, "host.json")));
        Assert.False(File.Exists(Path.Combine(app.Output, "local.settings.json")), "local settings hold secrets and must not ship.");
    }

    [Fact]
    public void The_readmes_name_every_activity_of_the_one_list()
    {
        var functions = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "functions", "README.md"));
        var core = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "core", "README.md"));
        Assert.All(WorkflowNames.Activities, a => Assert.Contains($"`{a.Name}`", functions, StringComparison.Ordinal));
        Assert.All(WorkflowNames.Activities, a => Assert.Contains($"`{a.Name.Replace("Activity", "", StringComparison.Ordinal)}`", core, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GenAgent.Engines.dll")]
    [InlineData("DurableTask.AzureStorage.dll")]
    [InlineData("Microsoft.DurableTask.InProcessTestHost.dll")]
    public void The_app_ships_no_engine_of_its_own(string assembly)
    {
        // The Durable extension is the app's task hub; the self-hosted engines are for the CLI, serve and the bot.
        Assert.True(app.ExitCode == 0, app.Log);
        Assert.False(File.Exists(Path.Combine(app.Output, assembly)), $"{assembly} is published with the Functions app");
    }

    [Fact]
    public void No_function_has_a_polling_blob_trigger_which_flex_consumption_rejects()
    {
        // Flex Consumption accepts a blob trigger only with the Event Grid source; request files arrive as blob-created
        // CloudEvents at the Events function instead.
        var blobTriggers = Metadata().Where(f => (string?)Trigger(f)["type"] == "blobTrigger").ToList();

        Assert.All(blobTriggers, f => Assert.Equal("EventGrid", (string?)Trigger(f)["source"]));
        Assert.Empty(blobTriggers);
    }

    [Theory]
    [MemberData(nameof(Required))]
    public void Every_required_function_is_listed_with_its_trigger(string name, string trigger)
    {
        var function = Assert.Single(Metadata(), f => (string?)f["name"] == name);

        Assert.Equal(trigger, (string?)Trigger(function)["type"]);
    }

    [Fact]
    public void Every_function_in_the_code_is_listed_with_the_trigger_its_attribute_declares()
    {
        var listed = Metadata().ToDictionary(f => (string)f["name"]!, StringComparer.Ordinal);
        var declared = typeof(ActivityFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Function is not null)
            .ToList();

        Assert.Equal(declared.Select(d => d.Function!.Name).Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        foreach (var (method, function) in declared)
        {
            Assert.Equal($"{method.DeclaringType!.FullName}.{method.Name}", (string?)listed[function!.Name]["entryPoint"]);
            var binding = Trigger(listed[function.Name]);
            var parameter = Assert.Single(method.GetParameters(), p => p.GetCustomAttributes().Any(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal)));
            var attribute = parameter.GetCustomAttributes().Single(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal));
            var expected = char.ToLowerInvariant(attribute.GetType().Name[0]) + attribute.GetType().Name[1..^"Attribute".Length];
            Assert.Equal(expected, (string?)binding["type"]);
            Assert.Equal(parameter.Name, (string?)binding["name"]);
            if (attribute is HttpTriggerAttribute http)
            {
                Assert.Equal(http.Route, (string?)binding["route"]);
                Assert.Equal(http.Methods ?? [], binding["methods"]!.AsArray().Select(m => (string)m!));
                Assert.Equal(http.AuthLevel.ToString(), (string?)binding["authLevel"]);
            }
        }
    }

    [Fact]
    public void The_host_json_keeps_the_durable_settings_at_the_top_level_and_clears_the_route_prefix()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(app.Output, "host.json")))!;

        Assert.Equal("2.0", (string?)host["version"]);
        Assert.Equal("GenAgent", (string?)host["extensions"]!["durableTask"]!["hubName"]);
        Assert.Equal("AzureStorage", (string?)host["extensions"]!["durableTask"]!["storageProvider"]!["type"]);
        Assert.Equal(string.Empty, (string?)host["extensions"]!["http"]!["routePrefix"]);
        Assert.Null(host["logging"]!["extensions"]);
    }

    private List<JsonNode> Metadata()
    {
        Assert.True(app.ExitCode == 0, app.Log);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(app.Output, "functions.metadata")))!.AsArray().Select(f => f!).ToList();
    }

    private static JsonNode Trigger(JsonNode function) =>
        Assert.Single(function["bindings"]!.AsArray(), b => ((string?)b!["type"])!.EndsWith("Trigger", StringComparison.Ordinal))!;
}
