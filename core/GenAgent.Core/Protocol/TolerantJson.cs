using System.Text;
using System.Text.Json;

namespace GenAgent.Core.Protocol;

/// <summary>
/// Reads the JSON object inside a tool call the way the models write it. System.Text.Json already
/// skips comments and trailing commas; no package repairs Python-style single-quoted strings or raw
/// newlines inside strings, so <see cref="Repair"/> does only that, in one pass.
/// </summary>
internal static class TolerantJson
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// The object between the first '{' and the last '}' of <paramref name="text"/>, or null. Taking that
    /// span drops code fences, a language tag and stray prose around the object in one move.
    /// </summary>
    public static JsonElement? ParseObject(string text)
    {
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0 || end < start)
        {
            return null;
        }

        var json = ReplaceLoneSurrogates(text[start..(end + 1)]);
        return TryParse(json) ?? TryParse(Repair(json));
    }

    internal static string Repair(string json)
    {
        var output = new StringBuilder(json.Length + 16);
        var quote = '\0';
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (quote == '\0')
            {
                if (c is '"' or '\'')
                {
                    quote = c;
                    output.Append('"');
                }
                else
                {
                    output.Append(c);
                }

                continue;
            }

            if (c == '\\' && i + 1 < json.Length)
            {
                var next = json[++i];
                // JSON has no \' escape; the apostrophe needs none inside a double-quoted string.
                output.Append(next == '\'' ? "'" : $"\\{next}");
            }
            else if (c == quote && (quote == '"' || EndsSingleQuotedString(json, i)))
            {
                quote = '\0';
                output.Append('"');
            }
            else
            {
                output.Append(c switch
                {
                    '"' => "\\\"",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => c.ToString(),
                });
            }
        }

        return output.ToString();
    }

    /// <summary>An apostrophe inside a single-quoted caption ("a cat's hat") is text unless JSON structure follows it.</summary>
    private static bool EndsSingleQuotedString(string json, int index)
    {
        for (var i = index + 1; i < json.Length; i++)
        {
            if (!char.IsWhiteSpace(json[i]))
            {
                return json[i] is ',' or ':' or '}' or ']';
            }
        }

        return true;
    }

    private static JsonElement? TryParse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            // Not JSON even now: the caller reports a malformed tool call with the raw text.
            return null;
        }
    }

    /// <summary>System.Text.Json refuses to transcode unpaired UTF-16 surrogates (an ArgumentException), so they become U+FFFD first.</summary>
    private static string ReplaceLoneSurrogates(string text)
    {
        StringBuilder? output = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (paired)
            {
                output?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                output ??= new StringBuilder(text, 0, i, text.Length);
                output.Append('\uFFFD');
            }
            else
            {
                output?.Append(c);
            }
        }

        return output?.ToString() ?? text;
    }
}
