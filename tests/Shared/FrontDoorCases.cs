using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenAgent.Tests.Shared;

/// <summary>
/// The bad starts every front door must refuse with the same message (one rule: workflow <c>Starting/StartRules</c>):
/// the API, Discord, cloud events, request files, queue messages and <c>genagent run</c> each run this table against
/// a server with the default prompt limit and no editor backend. Plain strings, so every test project can share it.
/// </summary>
public static class FrontDoorCases
{
    public const string Generate = "image_generation_tool";
    public const string Edit = "image_editing_tool";

    public sealed record Case(string Name, string Prompt, string Message, string? Effort = null, int? MaxImages = null, bool AsksForEditing = false)
    {
        /// <summary>Discord's commands take a prompt and an effort only; budgets and tools are the server's.</summary>
        public bool DiscordCanAsk => MaxImages is null && !AsksForEditing;

        /// <summary><c>genagent run</c> has no tools flag: the profile decides.</summary>
        public bool CliCanAsk => !AsksForEditing;

        /// <summary>The <c>options</c> object of the API body and the trigger payloads; null when none.</summary>
        public JsonObject? Options()
        {
            var options = new JsonObject();
            if (Effort is not null) options["effort"] = Effort;
            if (MaxImages is { } images) options["maxImages"] = images;
            if (AsksForEditing) options["tools"] = new JsonArray(Generate, Edit);
            return options.Count == 0 ? null : options;
        }

        /// <summary><c>{prompt, options?}</c>, as the API and every trigger read it.</summary>
        public string RequestJson(string? idempotencyKey = null)
        {
            var body = new JsonObject { ["prompt"] = Prompt };
            if (Options() is { } options) body["options"] = options;
            if (idempotencyKey is not null) body["idempotencyKey"] = idempotencyKey;
            return body.ToJsonString();
        }

        public override string ToString() => Name;
    }

    public const int PromptLimit = 2000;

    public static IReadOnlyList<Case> All { get; } =
    [
        new("blank prompt", "   ", "prompt is required: say what the image should show."),
        new("prompt over the limit", new string('a', PromptLimit + 1), $"prompt is {PromptLimit + 1} characters; the limit is {PromptLimit}."),
        new("unknown effort", "a red kite", "effort must be low, medium or high.", Effort: "extreme"),
        new("too many images", "a red kite", "maxImages must be between 1 and 16.", MaxImages: 99),
        new("editing without an editor", "a red kite", $"tools: this server has no backend for {Edit} (available: {Generate}).", AsksForEditing: true),
    ];

    /// <summary>For <c>[MemberData]</c>: every case's name.</summary>
    public static TheoryData<string> Names(Func<Case, bool>? applies = null)
    {
        var data = new TheoryData<string>();
        foreach (var item in All.Where(c => applies?.Invoke(c) ?? true)) data.Add(item.Name);
        return data;
    }

    public static Case Named(string name) => All.Single(c => c.Name == name);

    /// <summary>The messages of a JSON answer (any string anywhere in it), to look the case's message up in.</summary>
    public static string AllText(JsonElement answer) => answer.ValueKind switch
    {
        JsonValueKind.String => answer.GetString()!,
        JsonValueKind.Object => string.Join(" ", answer.EnumerateObject().Select(p => AllText(p.Value))),
        JsonValueKind.Array => string.Join(" ", answer.EnumerateArray().Select(AllText)),
        _ => "",
    };
}
