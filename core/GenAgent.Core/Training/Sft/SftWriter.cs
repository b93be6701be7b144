using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenAgent.Core.Training.Sft;

/// <summary>
/// The layouts, written from the trainers' documentation. LLaMA-Factory (ShareGPT, multimodal): a JSON array of
/// <c>{"messages": [{"role", "content"}], "images": [paths]}</c>, one <c>&lt;image&gt;</c> in the text per image in
/// order, registered in <c>dataset_info.json</c> (<c>formatting: sharegpt</c>, the column and tag names). ms-swift: the
/// same record per JSONL line, with absolute image paths. OpenAI fine-tuning: per line <c>{"messages"}</c> whose user contents are arrays of
/// <c>text</c> and <c>image_url</c> parts (base64 data URLs; images travel only in user messages there).
/// </summary>
internal sealed class SftWriter(SftFormat format, string folder)
{
    // Prompts and tags stay readable (<image>, quotes, apostrophes); these files are data, never embedded in HTML.
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <returns>The files written, relative to the folder.</returns>
    public IReadOnlyList<string> Write(IReadOnlyList<SftSample> train, IReadOnlyList<SftSample> validation)
    {
        var files = new List<string>();
        foreach (var (split, samples) in new[] { ("train", train), ("validation", validation) })
        {
            var records = samples.Select(s => format == SftFormat.OpenAI ? OpenAIRecord(s) : ShareGptRecord(s, split)).ToList();
            if (format == SftFormat.LlamaFactory)
            {
                File.WriteAllText(Path.Combine(folder, $"{split}.json"), new JsonArray([.. records]).ToJsonString(Indented));
                files.Add($"{split}.json");
            }
            else
            {
                var lines = new StringBuilder();
                foreach (var record in records) lines.Append(record.ToJsonString(Compact)).Append('\n');
                File.WriteAllText(Path.Combine(folder, $"{split}.jsonl"), lines.ToString());
                files.Add($"{split}.jsonl");
            }
        }

        if (format == SftFormat.LlamaFactory)
        {
            File.WriteAllText(Path.Combine(folder, "dataset_info.json"), DatasetInfo().ToJsonString(Indented));
            files.Add("dataset_info.json");
        }
        return files;
    }

    private JsonObject ShareGptRecord(SftSample sample, string split)
    {
        var images = new JsonArray();
        var messages = new JsonArray();
        foreach (var message in sample.Messages)
        {
            var text = new StringBuilder();
            foreach (var part in message.Parts)
            {
                if (part.Image is { } bytes)
                {
                    var path = $"images/{split}/{Safe(sample.SessionId)}-{images.Count + 1}.png";
                    Directory.CreateDirectory(Path.Combine(folder, "images", split));
                    File.WriteAllBytes(Path.Combine(folder, path), bytes);
                    // ms-swift resolves relative paths against its working directory, LLaMA-Factory against the dataset folder.
                    images.Add(format == SftFormat.Swift ? Path.GetFullPath(Path.Combine(folder, path)) : path);
                    text.Append(SftExporter.ImagePlaceholder);
                }
                else
                {
                    text.Append(part.Text);
                }
            }
            messages.Add(new JsonObject { ["role"] = message.Role, ["content"] = text.ToString() });
        }
        return new JsonObject { ["messages"] = messages, ["images"] = images };
    }

    private static JsonObject OpenAIRecord(SftSample sample)
    {
        var messages = new JsonArray();
        foreach (var message in sample.Messages)
        {
            if (!message.Parts.Any(p => p.Image is not null))
            {
                messages.Add(new JsonObject { ["role"] = message.Role, ["content"] = string.Concat(message.Parts.Select(p => p.Text)) });
                continue;
            }
            var content = new JsonArray();
            foreach (var part in message.Parts)
            {
                content.Add(part.Image is { } bytes
                    ? new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = $"data:image/png;base64,{Convert.ToBase64String(bytes)}" } }
                    : new JsonObject { ["type"] = "text", ["text"] = part.Text });
            }
            messages.Add(new JsonObject { ["role"] = message.Role, ["content"] = content });
        }
        return new JsonObject { ["messages"] = messages };
    }

    private static JsonObject DatasetInfo()
    {
        JsonObject Entry(string file) => new()
        {
            ["file_name"] = file,
            ["formatting"] = "sharegpt",
            ["columns"] = new JsonObject { ["messages"] = "messages", ["images"] = "images" },
            ["tags"] = new JsonObject
            {
                ["role_tag"] = "role",
                ["content_tag"] = "content",
                ["user_tag"] = "user",
                ["assistant_tag"] = "assistant",
                ["system_tag"] = "system",
            },
        };
        return new JsonObject { ["genagent_train"] = Entry("train.json"), ["genagent_validation"] = Entry("validation.json") };
    }

    private static string Safe(string id) => new([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}
