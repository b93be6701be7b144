using GenAgent.Cli.Hosting;
using GenAgent.Core.Configuration;
using GenAgent.Core.Judging;
using GenAgent.Core.Judging.GenEval;
using GenAgent.Core.Judging.Wise;
using GenAgent.Sketch;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Cli.Eval;

/// <summary>
/// The judges <c>--judge</c> names, for <c>genagent judge</c> and <c>genagent eval</c>: the offline sketch judge, and the
/// official protocols over the VLM configured under <c>GenAgent:Judge</c> (retries with backoff on 429 and 5xx come from
/// the judge client's HTTP pipeline).
/// </summary>
internal static class JudgeCatalog
{
    private static readonly Dictionary<string, Func<IChatClient, IImageJudge>> VlmJudges = new(StringComparer.OrdinalIgnoreCase)
    {
        [GenEvalVlmJudge.JudgeName] = client => new GenEvalVlmJudge(client),
        [WiseLegacyJudge.JudgeName] = client => new WiseLegacyJudge(client),
        [WiseVerifiedJudge.JudgeName] = client => new WiseVerifiedJudge(client),
    };

    public static IEnumerable<string> Names => VlmJudges.Keys.Prepend(SketchImageJudge.JudgeName);

    public static bool IsWise(string judge) => judge is WiseLegacyJudge.JudgeName or WiseVerifiedJudge.JudgeName;

    /// <summary>The judge's canonical name, or a one-line error listing the names.</summary>
    public static string Canonical(string name)
    {
        if (name.Equals(SketchImageJudge.JudgeName, StringComparison.OrdinalIgnoreCase)) return SketchImageJudge.JudgeName;
        return VlmJudges.Keys.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new CliException($"--judge '{name}' is unknown; use {string.Join(", ", Names)}.");
    }

    /// <summary>The judge, built from the options of the selected profile; a VLM judge without an endpoint is refused up front.</summary>
    public static JudgeLease Create(string name, GenAgentOptions options)
    {
        name = Canonical(name);
        if (name == SketchImageJudge.JudgeName) return new JudgeLease(new SketchImageJudge(), null);
        if (!options.Judge.IsConfigured)
            throw new CliException(
                $"--judge {name} needs a judge endpoint: set GenAgent__Judge__BaseUrl (an OpenAI-compatible /v1 URL), " +
                "GenAgent__Judge__Model and, for a hosted API, GenAgent__Judge__ApiKey.");
        var services = new ServiceCollection().AddGenAgentCore(options).BuildServiceProvider();
        return new JudgeLease(VlmJudges[name](services.GetRequiredService<JudgeChatClient>().Client), services);
    }
}

/// <summary>A judge and the services it lives on, disposed after the last verdict.</summary>
internal sealed record JudgeLease(IImageJudge Judge, ServiceProvider? Services) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Services?.DisposeAsync() ?? ValueTask.CompletedTask;
}
