using System.Numerics;
using GenAgent.Ocr.Detection;

namespace GenAgent.Ocr.Tests.Detection;

public sealed class ReadingOrderTests
{
    [Fact]
    public void Rows_top_to_bottom_and_words_left_to_right_even_when_tops_differ_slightly()
    {
        var words = new[]
        {
            ("second-row", Box(10, 100)),
            ("right", Box(200, 12)),  // 8 px lower than "left": same row
            ("left", Box(10, 20)),
            ("third-row", Box(10, 300)),
        };

        var ordered = ReadingOrder.Sort(words, w => w.Item2).Select(w => w.Item1).ToArray();

        Assert.Equal(["left", "right", "second-row", "third-row"], ordered);
    }

    private static TextQuad Box(float left, float top) =>
        new(new Vector2(left, top), new Vector2(left + 50, top), new Vector2(left + 50, top + 20), new Vector2(left, top + 20));
}
