using System.Globalization;
using System.Text;

namespace GenAgent.Ocr.Checking;

/// <summary>Reduces text to what a text check compares: lower-case letters and digits, accents removed, nothing else.</summary>
internal static class TextNormalizer
{
    /// <remarks>
    /// Spaces go too: the recognizer often merges or splits words ("HELLOWORLD", "HEL LO"), and a rendered sign
    /// is judged by its characters, not by how the OCR spaced them.
    /// </remarks>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
