using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkiaSharp;

namespace GenAgent.GpuWorker.Tests.Api;

[Collection(WorkerCollection.Name)]
public sealed class JudgeTests(WorkerFixture fixture)
{
    private HttpClient Http => fixture.Worker.Http;

    [Fact]
    public async Task Text_judge_reads_rendered_words_with_the_real_ocr_models()
    {
        var image = Convert.ToBase64String(TestImages.Text("OPEN 24 HOURS"));

        using var hit = await Http.PostAsJsonAsync("v1/judge/text", new { image, text = "open 24 hours" });
        using var miss = await Http.PostAsJsonAsync("v1/judge/text", new { image, text = "closed on sunday" });

        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        var yes = await hit.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(yes.GetProperty("contains").GetBoolean(), yes.ToString());
        Assert.True(yes.GetProperty("similarity").GetSingle() >= 0.8f);
        Assert.Contains("24", yes.GetProperty("recognized").GetString(), StringComparison.Ordinal);
        var line = yes.GetProperty("lines")[0];
        Assert.Equal(4, line.GetProperty("box").GetArrayLength());
        Assert.Equal(2, line.GetProperty("box")[0].GetArrayLength());

        var no = await miss.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(no.GetProperty("contains").GetBoolean(), no.ToString());
    }

    [Fact]
    public async Task Clip_judge_scores_each_image_against_the_text()
    {
        var red = Convert.ToBase64String(TestImages.Solid(64, 64, SKColors.Red));
        var blue = Convert.ToBase64String(TestImages.Solid(64, 64, SKColors.Blue));

        using var both = await Http.PostAsJsonAsync("v1/judge/clip", new { images = new[] { red, blue, red }, text = "a red square" });
        using var one = await Http.PostAsJsonAsync("v1/judge/clip", new { image = blue, text = "a red square" });

        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
        var body = await both.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("clip-tiny", body.GetProperty("model").GetString());
        var scores = body.GetProperty("scores").EnumerateArray().Select(s => s.GetSingle()).ToList();
        Assert.Equal(3, scores.Count);
        Assert.All(scores, s => Assert.InRange(s, -100f, 100f));
        Assert.Equal(scores[0], scores[2], 3);
        Assert.NotEqual(scores[0], scores[1], 3);
        var single = (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scores")[0].GetSingle();
        Assert.Equal(scores[1], single, 3);
    }
}
