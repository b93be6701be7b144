using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using Spectre.Console;

namespace GenAgent.Cli.Output;

/// <summary>Prints each turn of a session once, as it lands: reasoning excerpt, caption or instruction, image, judgment.</summary>
internal sealed class TurnPrinter(IAnsiConsole console, IImageStore store)
{
    private const int ThinkExcerpt = 240;
    private int _printed;
    private int _rounds;

    public void PrintNew(Trajectory trajectory)
    {
        for (; _printed < trajectory.Turns.Count; _printed++) Print(trajectory.Turns[_printed]);
    }

    private void Print(TurnRecord turn)
    {
        if (!string.IsNullOrWhiteSpace(turn.Judgment))
            console.MarkupLine($"  [blue]judgment of round {_rounds}:[/] {Escape(turn.Judgment)}");

        switch (turn.Kind)
        {
            case TurnKind.Generate or TurnKind.Edit:
                var decision = turn.Kind == TurnKind.Edit ? "edit" : _rounds == 0 ? "generate" : "regenerate";
                if (turn.Image is not null) _rounds++;
                console.MarkupLine($"[bold]Round {_rounds}[/] [aqua]{decision}[/]{(turn.Seed is { } seed ? $" [grey]seed {seed}[/]" : "")}");
                PrintThink(turn.Think);
                console.MarkupLine($"  [grey]{(turn.Kind == TurnKind.Edit ? "instruction" : "caption")}:[/] {Escape(turn.Argument ?? "")}");
                if (turn.Image is not null) console.MarkupLine($"  [grey]image:[/] {Escape(Where(turn.Image))}");
                if (turn.Error is not null) console.MarkupLine($"  [red]{Escape(turn.Error)}[/]");
                break;
            case TurnKind.Done:
                PrintThink(turn.Think);
                console.MarkupLine("[green]done[/]");
                break;
            case TurnKind.BudgetStop:
                PrintThink(turn.Think);
                console.MarkupLine("[yellow]budget stop[/]: the agent wanted another image but the image budget is spent");
                break;
            case TurnKind.ProtocolError:
                console.MarkupLine($"[red]protocol error[/]: {Escape(turn.Error ?? "the reply did not follow the protocol")}");
                if (turn.RawText is not null) console.MarkupLine($"  [grey]raw:[/] {Escape(Excerpt(turn.RawText, ThinkExcerpt))}");
                break;
            default:
                throw new InvalidOperationException($"Unknown turn kind {turn.Kind}.");
        }
    }

    private void PrintThink(string? think)
    {
        if (!string.IsNullOrWhiteSpace(think)) console.MarkupLine($"  [grey]thinking:[/] [italic]{Escape(Excerpt(think, ThinkExcerpt))}[/]");
    }

    private string Where(ImageRef image) => store.GetUrl(image.Key) is { IsFile: true } file ? file.LocalPath : image.Key;

    private static string Escape(string text) => Markup.Escape(text);

    internal static string Excerpt(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 1), "…");
    }
}
