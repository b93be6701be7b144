using System.CommandLine;
using System.CommandLine.Parsing;

namespace GenAgent.Cli.Commands;

/// <summary>Flags several commands share; each command gets its own instances (an option belongs to one command).</summary>
internal static class CommonOptions
{
    public const string DefaultTaskHub = "genagent";

    /// <summary><c>--judge</c>: one of the judges <see cref="Eval.JudgeCatalog"/> names, the offline sketch judge by default.</summary>
    /// <param name="purpose">What the judge decides in this command, first in the description.</param>
    public static Option<string> Judge(string purpose) => new("--judge")
    {
        Description = $"{purpose}: {string.Join(", ", Eval.JudgeCatalog.Names)} (default sketch); the VLM judges use the endpoint under GenAgent:Judge.",
        DefaultValueFactory = _ => GenAgent.Sketch.SketchImageJudge.JudgeName,
    };

    public static Option<string?> Profile() => new("--profile", "-p")
    {
        Description = "Configuration profile: offline (default), openai, vllm-genagent, or one of yours (GenAgent:Profiles:<name>).",
    };

    public static Option<string?> Store(bool required = false) => new("--store")
    {
        Description = "Azure Storage connection string (UseDevelopmentStorage=true for Azurite): run durably, resumable after a crash.",
        Required = required,
    };

    public static Option<string> TaskHub() => new("--task-hub")
    {
        Description = "Durable task hub name inside the storage account.",
        DefaultValueFactory = _ => DefaultTaskHub,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one machine-readable JSON result on stdout and nothing else there.",
    };

    public static Option<string> Out() => new("--out", "-o")
    {
        Description = "Folder for the results; each session writes <out>/<session-id>/.",
        DefaultValueFactory = _ => "out",
    };

    public static Option<ImageSize> Size(string defaultSize) => new("--size")
    {
        Description = "Image size WIDTHxHEIGHT.",
        DefaultValueFactory = _ => Parse(defaultSize),
        CustomParser = result => ImageSize.TryParse(result.Tokens[0].Value, out var size, out var error) ? size : Fail(result, error),
    };

    public static Option<int?> Range(string name, string description, int min, int max)
    {
        var option = new Option<int?>(name) { Description = $"{description} ({min}-{max})." };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && (value < min || value > max))
                result.AddError($"{name} {value} is out of range: use {min} to {max}.");
        });
        return option;
    }

    private static ImageSize Parse(string text) =>
        ImageSize.TryParse(text, out var size, out var error) ? size : throw new ArgumentException(error, nameof(text));

    private static ImageSize Fail(ArgumentResult result, string error)
    {
        result.AddError(error);
        return default;
    }
}
