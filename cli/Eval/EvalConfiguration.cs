namespace GenAgent.Cli.Eval;

/// <summary>
/// One column of an evaluation: an agent profile driving a generator profile's generator and editor, or, when
/// <see cref="Bare"/>, the generator alone on the raw prompt (one image: the paper's baseline).
/// </summary>
internal sealed record EvalConfiguration(string Agent, string Generator, bool Bare)
{
    public string Name => Bare ? $"{Generator} alone" : Agent == Generator ? Agent : $"{Agent} + {Generator}";

    /// <summary>A folder name for the configuration's images.</summary>
    public string Folder => string.Concat((Bare ? $"bare-{Generator}" : $"{Agent}-{Generator}").Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
