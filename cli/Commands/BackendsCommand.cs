using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using GenAgent.Core.Backends;
using Spectre.Console;

namespace GenAgent.Cli.Commands;

/// <summary>
/// <c>genagent backends</c>: the image backends and what each can do (<see cref="BackendCapabilities"/>, the one place
/// that declares it), so a user picks one knowing whether it honours a seed or takes a negative prompt.
/// </summary>
internal static class BackendsCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("backends", "List the image backends (GenAgent:Generator:Backend, GenAgent:Editor:Backend) and what each can do.") { json };
        command.SetAction(parse => Print(parse.GetValue(json)));
        return command;
    }

    private static int Print(bool json)
    {
        if (json)
        {
            var rows = new JsonArray([.. BackendCapabilities.Tools.Select(b => (JsonNode)new JsonObject
            {
                ["name"] = b.Name,
                ["description"] = b.Description,
                ["edits"] = b.Edits,
                ["seed"] = b.Seed,
                ["negativePrompt"] = b.NegativePrompt,
                ["steps"] = b.Steps,
                ["progress"] = b.Progress,
                ["note"] = b.Note,
            })]);
            Console.WriteLine(rows.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("backend", "what", "edits", "seed", "negative prompt", "steps", "progress", "note");
        foreach (var b in BackendCapabilities.Tools)
            table.AddRow(b.Name, Markup.Escape(b.Description), Mark(b.Edits), Mark(b.Seed), Mark(b.NegativePrompt), Mark(b.Steps), Mark(b.Progress), Markup.Escape(b.Note ?? ""));
        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }

    private static string Mark(bool can) => can ? "yes" : "no";
}
