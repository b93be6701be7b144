namespace GenAgent.Ocr.Recognition;

/// <summary>
/// The recognizer's classes: 0 is the CTC blank, 1..N the characters of the keys file in order, and N+1 a space
/// (PaddleOCR's use_space_char), so the model's class count must be N + 2.
/// </summary>
internal sealed class CharacterSet
{
    private readonly string[] _characters;

    private CharacterSet(string[] characters) => _characters = characters;

    /// <summary>Classes the recognizer must output: blank, characters, space.</summary>
    public int ClassCount => _characters.Length;

    public static CharacterSet Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new OcrModelException($"OCR character list '{path}' does not exist (run `npm ci` in tools/ocr-models).");
        }

        var keys = File.ReadAllText(path).Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        if (keys.Count > 0 && keys[^1].Length == 0)
        {
            keys.RemoveAt(keys.Count - 1);
        }

        if (keys.Count == 0)
        {
            throw new OcrModelException($"OCR character list '{path}' is empty.");
        }

        keys.Add(" ");
        return new CharacterSet([string.Empty, .. keys]);
    }

    /// <summary>The text of a class; the blank is empty.</summary>
    public string this[int classIndex] => _characters[classIndex];
}
