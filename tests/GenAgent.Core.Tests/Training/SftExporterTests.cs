using System.Text.Json;
using GenAgent.Core.Images;
using GenAgent.Core.Judging;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Sessions;
using GenAgent.Core.Training.Sft;

namespace GenAgent.Core.Tests.Training;

/// <summary>
/// The SFT export against the layouts the trainers document (checks written from LLaMA-Factory's, ms-swift's and
/// OpenAI's dataset docs) and its filters, on hand-made trajectories: each image is one byte, the number of the test
/// judge's four checks it passes.
/// </summary>
public sealed class SftExporterTests : IDisposable
{
    private const string Call = "<think>Draw it.</think>\n<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"four red cups\"}}</tool_call>";
    private const string Stop = "<think>All four are there.</think>\n<answer>done</answer>";
    private readonly string _out = Directory.CreateTempSubdirectory("genagent-sft-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task Filters_keep_only_done_clean_improving_trajectories_once_per_prompt_and_say_what_they_dropped()
    {
        var manifest = await ExportAsync(SftFormat.Swift, Mixed());

        Assert.Equal((7, 1, 1, 1, 1, 1, 2), (manifest.Read, manifest.NotDone, manifest.ProtocolViolation, manifest.WorseLater, manifest.DuplicatePrompt, manifest.Unusable, manifest.Kept));
        Assert.Equal(manifest.Kept, manifest.Train + manifest.Validation);
        using var written = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "manifest.json")));
        Assert.Equal(1, written.RootElement.GetProperty("dropped").GetProperty("worseLater").GetInt32());
        var prompts = Lines("train.jsonl").Concat(Lines("validation.jsonl")).Select(l => l.GetProperty("messages")[1].GetProperty("content").GetString()).ToList();
        Assert.Equal(2, prompts.Count);
        Assert.Contains(prompts, p => p!.Contains("four red cups", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LlamaFactory_layout_is_sharegpt_with_one_image_tag_per_image_and_its_dataset_info()
    {
        await ExportAsync(SftFormat.LlamaFactory, Mixed(), validation: 0.5);

        using var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "dataset_info.json")));
        foreach (var entry in info.RootElement.EnumerateObject())
        {
            Assert.Equal("sharegpt", entry.Value.GetProperty("formatting").GetString());
            Assert.Equal("messages", entry.Value.GetProperty("columns").GetProperty("messages").GetString());
            Assert.Equal("images", entry.Value.GetProperty("columns").GetProperty("images").GetString());
            var tags = entry.Value.GetProperty("tags");
            Assert.Equal(("role", "content", "user", "assistant", "system"), (tags.GetProperty("role_tag").GetString(), tags.GetProperty("content_tag").GetString(),
                tags.GetProperty("user_tag").GetString(), tags.GetProperty("assistant_tag").GetString(), tags.GetProperty("system_tag").GetString()));
            var file = Path.Combine(_out, entry.Value.GetProperty("file_name").GetString()!);
            using var data = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal(JsonValueKind.Array, data.RootElement.ValueKind);
            foreach (var record in data.RootElement.EnumerateArray()) AssertShareGpt(record);
        }
        Assert.Equal(2, info.RootElement.EnumerateObject().Sum(e => JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, e.Value.GetProperty("file_name").GetString()!))).RootElement.GetArrayLength()));
    }

    [Fact]
    public async Task Swift_layout_is_one_messages_and_images_record_a_line()
    {
        await ExportAsync(SftFormat.Swift, Mixed());

        var records = Lines("train.jsonl").Concat(Lines("validation.jsonl")).ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, AssertShareGpt);
        // ms-swift reads image paths from its working directory, so they are absolute.
        Assert.All(records.SelectMany(r => r.GetProperty("images").EnumerateArray()), p => Assert.True(Path.IsPathRooted(p.GetString())));
    }

    [Fact]
    public async Task OpenAI_layout_carries_images_as_data_url_parts_in_user_messages_only()
    {
        await ExportAsync(SftFormat.OpenAI, Mixed());

        foreach (var record in Lines("train.jsonl").Concat(Lines("validation.jsonl")))
        {
            Assert.Equal(["messages"], record.EnumerateObject().Select(p => p.Name));
            var messages = record.GetProperty("messages").EnumerateArray().ToList();
            Assert.Equal("system", messages[0].GetProperty("role").GetString());
            Assert.Equal("assistant", messages[^1].GetProperty("role").GetString());
            var images = 0;
            foreach (var message in messages)
            {
                var content = message.GetProperty("content");
                if (message.GetProperty("role").GetString() != "user")
                {
                    Assert.Equal(JsonValueKind.String, content.ValueKind);
                    continue;
                }
                if (content.ValueKind == JsonValueKind.String) continue;
                foreach (var part in content.EnumerateArray())
                {
                    var type = part.GetProperty("type").GetString();
                    Assert.True(type is "text" or "image_url", $"part type {type}");
                    if (type != "image_url") continue;
                    var url = part.GetProperty("image_url").GetProperty("url").GetString()!;
                    Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
                    Assert.Single(Convert.FromBase64String(url["data:image/png;base64,".Length..]));
                    images++;
                }
            }
            Assert.True(images >= 1);
        }
    }

    [Fact]
    public async Task The_split_is_the_same_for_a_seed_and_follows_the_share()
    {
        var many = Enumerable.Range(0, 20).Select(i => Source(i, $"prompt {i}", OutcomeKind.Done, Turn(0, Call, 4), Turn(1, Stop))).ToList();

        var first = await ExportAsync(SftFormat.Swift, many, validation: 0.25, seed: 7);
        var firstValidation = File.ReadAllText(Path.Combine(_out, "validation.jsonl"));
        Directory.Delete(_out, recursive: true);
        var again = await ExportAsync(SftFormat.Swift, many, validation: 0.25, seed: 7);

        Assert.Equal((15, 5), (first.Train, first.Validation));
        Assert.Equal(first with { Files = [] }, again with { Files = [] });
        Assert.Equal(firstValidation, File.ReadAllText(Path.Combine(_out, "validation.jsonl")));
    }

    /// <summary>ShareGPT as both trainers read it: system first, then user and assistant in turn, one &lt;image&gt; per image file.</summary>
    private void AssertShareGpt(JsonElement record)
    {
        var messages = record.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        for (var i = 1; i < messages.Count; i++)
            Assert.Equal(i % 2 == 1 ? "user" : "assistant", messages[i].GetProperty("role").GetString());
        Assert.Equal("assistant", messages[^1].GetProperty("role").GetString());
        var images = record.GetProperty("images").EnumerateArray().Select(p => p.GetString()!).ToList();
        var tags = messages.Sum(m => CountOf(m.GetProperty("content").GetString()!, SftExporter.ImagePlaceholder));
        Assert.Equal(images.Count, tags);
        Assert.All(images, path => Assert.True(File.Exists(Path.Combine(_out, path)), $"{path} is referenced but not written"));
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    private IEnumerable<JsonElement> Lines(string file) =>
        File.ReadAllLines(Path.Combine(_out, file)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement);

    private Task<SftManifest> ExportAsync(SftFormat format, IEnumerable<SftSource> sources, double validation = 0.1, int seed = 0) =>
        new SftExporter(AgentProtocol.General, new CountingJudge()).ExportAsync(sources, format, _out, validation, seed);

    /// <summary>Two keepers among a duplicate, one that never finished, one that broke the protocol, one that got worse, and one whose text holds the image placeholder.</summary>
    private static List<SftSource> Mixed() =>
    [
        Source(1, "four red cups", OutcomeKind.Done, Turn(0, Call, 2), Turn(1, Call, 4), Turn(2, Stop)),
        Source(2, "four red cups", OutcomeKind.Done, Turn(0, Call, 4), Turn(1, Stop)),
        Source(3, "a green kite", OutcomeKind.ImageBudgetReached, Turn(0, Call, 1)),
        Source(4, "a blue bus", OutcomeKind.Done, Turn(0, "no tags at all", null, TurnKind.ProtocolError), Turn(1, Call, 4), Turn(2, Stop)),
        Source(5, "two white clocks", OutcomeKind.Done, Turn(0, Call, 3), Turn(1, Call, 1), Turn(2, Stop)),
        Source(6, "a yellow boat", OutcomeKind.Done, Turn(0, Call, 4), Turn(1, Stop)),
        Source(7, "a sign that reads <image>", OutcomeKind.Done, Turn(0, Call, 4), Turn(1, Stop)),
    ];

    private static SftSource Source(int id, string prompt, OutcomeKind outcome, params TurnRecord[] turns)
    {
        var trajectory = new Trajectory
        {
            SessionId = $"s{id}",
            Prompt = prompt,
            Options = new SessionOptions(),
            Turns = turns,
            Outcome = new Outcome(outcome),
            FinalImage = turns.LastOrDefault(t => t.Image is not null)?.Image,
        };
        return new SftSource($"test {id}", trajectory, (image, _) => Task.FromResult<byte[]?>(CountingJudge.Bytes(image)));
    }

    private static TurnRecord Turn(int index, string raw, int? checksPassed = null, TurnKind? kind = null) => new()
    {
        Index = index,
        Kind = kind ?? (checksPassed is null ? TurnKind.Done : TurnKind.Generate),
        RawText = raw,
        Tool = checksPassed is null ? null : "image_generation_tool",
        Image = checksPassed is { } passed ? new ImageRef($"turn-{index}-{passed}", 8, 8) : null,
    };
}
