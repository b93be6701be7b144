namespace GenAgent.Core.Protocol;

/// <summary>The system prompt that lists the enabled tools inside &lt;tools&gt; as JSON function schemas.</summary>
public static class SystemPrompt
{
    public static string Build(IReadOnlyList<string> enabledTools) => throw new NotImplementedException("protocol helper");
}
