namespace GenAgent.Cli.Tests.Commands;

/// <summary>
/// The shared table of bad starts (<see cref="FrontDoorCases"/>) against <c>genagent run</c>: one line with the message
/// the API, Discord and the triggers give, and nothing starts. (The CLI has no tools flag; the profile decides those.)
/// </summary>
public sealed class FrontDoorRulesTests
{
    public static TheoryData<string> Cases => FrontDoorCases.Names(c => c.CliCanAsk);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Run_refuses_with_the_shared_message(string name)
    {
        var bad = FrontDoorCases.Named(name);
        using var cli = new CliProcess();
        List<string> args = ["run", bad.Prompt, "--out", cli.OutDir];
        if (bad.Effort is not null) args.AddRange(["--effort", bad.Effort]);
        if (bad.MaxImages is { } images) args.AddRange(["--max-images", images.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        var result = await cli.RunAsync(args, env: null);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(bad.Message, Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cli.StorePath, "sessions")), "nothing may start on bad input");
    }
}
