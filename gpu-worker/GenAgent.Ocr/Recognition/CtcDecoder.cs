using System.Text;

namespace GenAgent.Ocr.Recognition;

/// <summary>Greedy CTC decoding: the most likely class per time step, repeats merged, blanks (class 0) dropped.</summary>
internal static class CtcDecoder
{
    /// <param name="probabilities">[steps, classes] softmax outputs for one line.</param>
    /// <returns>The text and the mean probability of its characters (0 when nothing was read).</returns>
    public static (string Text, float Confidence) Decode(ReadOnlySpan<float> probabilities, int classes, CharacterSet characters)
    {
        var text = new StringBuilder();
        var steps = probabilities.Length / classes;
        var previous = -1;
        double sum = 0;
        var count = 0;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            if (best != 0 && best != previous)
            {
                text.Append(characters[best]);
                sum += row[best];
                count++;
            }

            previous = best;
        }

        return (text.ToString(), count == 0 ? 0 : (float)(sum / count));
    }
}
