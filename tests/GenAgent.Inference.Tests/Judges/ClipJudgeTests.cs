using GenAgent.Inference.Images;
using GenAgent.Inference.Judges;
using SkiaSharp;

namespace GenAgent.Inference.Tests.Judges;

[Collection(TinyModelsCollection.Name)]
public sealed class ClipJudgeTests(TinyModelsFixture fixture)
{
    private readonly ClipJudge _judge = fixture.Catalog.Clip!;

    [Fact]
    public void Cosine_of_known_vectors()
    {
        Assert.Equal(1f, ClipJudge.Cosine([1f, 2f], [2f, 4f]), 6);
        Assert.Equal(0f, ClipJudge.Cosine([1f, 0f], [0f, 3f]), 6);
        Assert.Equal(-1f, ClipJudge.Cosine([1f, 1f], [-2f, -2f]), 6);
        Assert.Equal(0f, ClipJudge.Cosine([0f, 0f], [1f, 1f]));
    }

    [Fact]
    public async Task More_pairs_than_a_batch_are_scored_in_chunks_in_order()
    {
        var red = TestImages.Solid(50, 40, SKColors.Red);
        var blue = TestImages.Solid(40, 50, SKColors.Blue);
        var pairs = Enumerable.Range(0, 11).Select(i => (i % 2 == 0 ? red : blue, i % 3 == 0 ? "a red cat" : "a blue bus")).ToArray();

        var all = await _judge.ScoreAsync(pairs, CancellationToken.None);
        var singles = new List<float>();
        foreach (var pair in pairs)
        {
            singles.Add((await _judge.ScoreAsync([pair], CancellationToken.None))[0]);
        }

        Assert.Equal(11, all.Count);
        for (var i = 0; i < 11; i++)
        {
            Assert.Equal(singles[i], all[i], 0.01f); // batched pooling sums in another order
            Assert.InRange(all[i], -100f, 100f);
        }

        Assert.NotEqual(all[0], all[1], 2);
    }

    [Fact]
    public async Task No_pairs_no_scores_and_bad_images_throw()
    {
        Assert.Empty(await _judge.ScoreAsync([], CancellationToken.None));
        await Assert.ThrowsAsync<InvalidImageException>(() => _judge.ScoreAsync([([9, 9, 9], "text")], CancellationToken.None));
    }
}
