using System.Text;
using System.Text.RegularExpressions;

namespace GenAgent.Core.Protocol.Profiles;

/// <summary>
/// The authors' system prompt, read from the user's own copy of their client (<c>core/genagent_v1.py</c> or
/// <c>core/genagent_v2.py</c> in deep-kaixun/geagent). The project never ships that text: the user imports it once, and it
/// is saved under their configuration folder, where <see cref="AgentProtocol.Load"/> finds it.
/// </summary>
public static partial class ReferencePrompt
{
    /// <summary>Where imported prompts live: <c>~/.config/genagent/protocols</c> on Linux, <c>%APPDATA%\genagent\protocols</c> on Windows.</summary>
    public static string DefaultFolder => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "genagent", "protocols");

    /// <summary>The file an imported prompt for <paramref name="profile"/> is saved in.</summary>
    public static string PathFor(ProtocolProfile profile, string? folder = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Path.Combine(folder ?? DefaultFolder, profile.Name + ".txt");
    }

    /// <summary>
    /// The <c>SYSTEM_PROMPT</c> string literal of a Python source file and the genagent profile its tools match.
    /// Throws <see cref="FormatException"/> naming what is wrong when the file has no such literal or the wrong tools.
    /// </summary>
    public static (string Text, ProtocolProfile Profile) Extract(string pythonSource, ProtocolProfile? expected = null)
    {
        ArgumentNullException.ThrowIfNull(pythonSource);
        var start = Assignment().Match(pythonSource);
        if (!start.Success)
            throw new FormatException("no SYSTEM_PROMPT = '''...''' string literal was found; pass the authors' core/genagent_v1.py or core/genagent_v2.py.");
        var quote = start.Groups["quote"].Value;
        var raw = start.Groups["prefix"].Value.Contains('r', StringComparison.OrdinalIgnoreCase);
        var text = ReadLiteral(pythonSource, start.Index + start.Length, quote, raw)
            ?? throw new FormatException($"the SYSTEM_PROMPT literal opened with {quote} is never closed.");

        var tools = DeclaredTools(text);
        var profile = tools.Contains(ToolNames.Edit) ? ProtocolProfiles.GenAgentV2 : ProtocolProfiles.GenAgentV1;
        if (!tools.Contains(ToolNames.Generate))
            throw new FormatException($"the SYSTEM_PROMPT declares no {ToolNames.Generate} inside <tools>...</tools>; this is not a GenAgent client.");
        if (expected is not null && expected.Name != profile.Name)
            throw new FormatException(
                $"the SYSTEM_PROMPT declares {string.Join(" and ", tools)}, which is {profile.Name}, not {expected.Name} " +
                $"({expected.Name} declares {string.Join(" and ", expected.Tools)}).");
        return (text, profile);
    }

    /// <summary>The tool names inside the prompt's <c>&lt;tools&gt;</c> block, in the order <see cref="ToolNames.All"/>.</summary>
    public static IReadOnlyList<string> DeclaredTools(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var open = prompt.IndexOf("<tools>", StringComparison.Ordinal);
        var close = open < 0 ? -1 : prompt.IndexOf("</tools>", open, StringComparison.Ordinal);
        if (close < 0) return [];
        var block = prompt[open..close];
        return [.. ToolNames.All.Where(t => block.Contains($"\"{t}\"", StringComparison.Ordinal))];
    }

    /// <summary>Reads a Python string body up to its closing quote, applying Python's escapes unless it is a raw string.</summary>
    private static string? ReadLiteral(string source, int index, string quote, bool raw)
    {
        var text = new StringBuilder();
        for (var i = index; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\\' && i + 1 < source.Length)
            {
                var next = source[++i];
                if (raw)
                {
                    text.Append(c).Append(next);
                    continue;
                }

                switch (next)
                {
                    case '\n': break; // a backslash at the end of a line continues it
                    case '\r': if (i + 1 < source.Length && source[i + 1] == '\n') i++; break;
                    case 'n': text.Append('\n'); break;
                    case 't': text.Append('\t'); break;
                    case 'r': text.Append('\r'); break;
                    case '\\' or '\'' or '"': text.Append(next); break;
                    default: text.Append(c).Append(next); break; // Python keeps unknown escapes as written
                }

                continue;
            }

            if (string.CompareOrdinal(source, i, quote, 0, quote.Length) == 0) return text.ToString();
            if (quote.Length == 1 && c == '\n') return null;
            text.Append(c);
        }

        return null;
    }

    [GeneratedRegex("""^SYSTEM_PROMPT\s*=\s*(?<prefix>[rRuU]?)(?<quote>'''|\"\"\"|'|")""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();
}
