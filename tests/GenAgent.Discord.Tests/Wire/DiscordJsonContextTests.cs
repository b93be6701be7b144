using System.Text.Json;
using GenAgent.Discord.Wire;

namespace GenAgent.Discord.Tests.Wire;

public sealed class DiscordJsonContextTests
{
    [Fact]
    public void A_slash_command_with_an_attachment_reads_with_its_resolved_file()
    {
        const string json = """
        {
          "id": "1500000000000000001", "application_id": "1100000000000000001", "type": 2, "token": "aW50ZXJhY3Rpb24",
          "version": 1, "guild_id": "1100000000000000003", "channel_id": "1100000000000000004",
          "channel": {"id": "1100000000000000004", "type": 0, "nsfw": true, "name": "art", "parent_id": null},
          "member": {"user": {"id": "42", "username": "alice", "global_name": "Alice"}, "roles": ["7"], "permissions": "2147483647"},
          "app_permissions": "1024", "locale": "en-US", "attachment_size_limit": 26214400, "context": 0,
          "data": {
            "id": "1600000000000000001", "name": "imagine", "type": 1,
            "options": [
              {"name": "prompt", "type": 3, "value": "three red clocks"},
              {"name": "image", "type": 11, "value": "1700000000000000001"},
              {"name": "private", "type": 5, "value": true},
              {"name": "candidates", "type": 4, "value": 3}
            ],
            "resolved": {"attachments": {"1700000000000000001": {
              "id": "1700000000000000001", "filename": "cat.png", "size": 1234, "url": "https://cdn.discordapp.com/attachments/1/2/cat.png?ex=1",
              "proxy_url": "https://media.discordapp.net/attachments/1/2/cat.png", "content_type": "image/png", "width": 512, "height": 512}}}
          }
        }
        """;

        var interaction = JsonSerializer.Deserialize(json, DiscordJsonContext.Default.Interaction)!;

        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal("Alice", interaction.Invoker!.DisplayName);
        Assert.True(interaction.Channel!.Nsfw);
        Assert.Equal(26214400, interaction.AttachmentSizeLimit);
        Assert.Equal(InteractionContextType.Guild, interaction.Context);
        var data = interaction.Data!;
        Assert.Equal("three red clocks", data.Option("prompt")!.AsString());
        Assert.True(data.Option("private")!.AsBoolean());
        Assert.Equal(3, data.Option("candidates")!.AsInt64());
        var attachment = data.Resolved!.Attachments![data.Option("image")!.AsString()!];
        Assert.Equal("image/png", attachment.ContentType);
        Assert.Equal(512, attachment.Width);
    }

    [Fact]
    public void A_modal_submit_finds_text_inputs_inside_labels_and_legacy_rows()
    {
        const string json = """
        {
          "id": "1", "application_id": "2", "type": 5, "token": "t", "version": 1,
          "user": {"id": "42", "username": "bob"},
          "data": {"custom_id": "v1:refine:s1", "components": [
            {"type": 18, "id": 1, "component": {"type": 4, "id": 2, "custom_id": "text", "value": "make it blue"}},
            {"type": 1, "components": [{"type": 4, "custom_id": "legacy", "value": "old style"}]}
          ]}
        }
        """;

        var interaction = JsonSerializer.Deserialize(json, DiscordJsonContext.Default.Interaction)!;

        Assert.Equal(InteractionType.ModalSubmit, interaction.Type);
        Assert.Equal("bob", interaction.Invoker!.Username);
        Assert.Equal("make it blue", interaction.Data!.TextInputValue("text"));
        Assert.Equal("old style", interaction.Data.TextInputValue("legacy"));
        Assert.Null(interaction.Data.TextInputValue("missing"));
    }

    [Fact]
    public void A_modal_response_writes_labels_with_their_component()
    {
        var modal = new ModalData(
            "v1:edit:s1",
            "Edit the image",
            [Component.LabelFor("Instruction", Component.TextInput("text", TextInputStyle.Paragraph, maxLength: 4000), "What to change")]);

        var json = JsonSerializer.SerializeToElement(InteractionResponse.Modal(modal), DiscordJsonContext.Default.InteractionResponse);

        Assert.Equal(9, json.GetProperty("type").GetInt32());
        var label = json.GetProperty("data").GetProperty("components")[0];
        Assert.Equal(18, label.GetProperty("type").GetInt32());
        Assert.Equal("Instruction", label.GetProperty("label").GetString());
        var input = label.GetProperty("component");
        Assert.Equal(4, input.GetProperty("type").GetInt32());
        Assert.Equal(2, input.GetProperty("style").GetInt32());
        Assert.Equal(4000, input.GetProperty("max_length").GetInt32());
        Assert.False(json.GetProperty("data").TryGetProperty("content", out _));
    }

    [Fact]
    public void Buttons_and_choices_write_discords_shape()
    {
        var row = Component.ActionRow(Component.Button(ButtonStyle.Primary, "Another round", "v1:again:s1"), Component.LinkButton("Trajectory", "https://example.org/r"));
        var response = InteractionResponse.Autocomplete([ApplicationCommandChoice.Of("high", "high"), ApplicationCommandChoice.Of("three", 3)]);

        var rowJson = JsonSerializer.SerializeToElement(new MessageEdit { Components = [row] }, DiscordJsonContext.Default.MessageEdit).GetProperty("components")[0];
        var choices = JsonSerializer.SerializeToElement(response, DiscordJsonContext.Default.InteractionResponse).GetProperty("data").GetProperty("choices");

        Assert.Equal(1, rowJson.GetProperty("type").GetInt32());
        Assert.Equal("v1:again:s1", rowJson.GetProperty("components")[0].GetProperty("custom_id").GetString());
        Assert.Equal(5, rowJson.GetProperty("components")[1].GetProperty("style").GetInt32());
        Assert.False(rowJson.GetProperty("components")[1].TryGetProperty("custom_id", out _));
        Assert.Equal("high", choices[0].GetProperty("value").GetString());
        Assert.Equal(3, choices[1].GetProperty("value").GetInt32());
    }

    [Fact]
    public void An_ephemeral_deferral_sets_only_the_flag()
    {
        var json = JsonSerializer.Serialize(InteractionResponse.Deferred(ephemeral: true), DiscordJsonContext.Default.InteractionResponse);

        Assert.Equal("""{"type":5,"data":{"flags":64}}""", json);
    }

    [Fact]
    public void A_first_heartbeat_writes_d_null()
    {
        var json = JsonSerializer.Serialize(new GatewayPayload { Op = 1 }, DiscordJsonContext.Default.GatewayPayload);

        Assert.Equal("""{"op":1,"d":null}""", json);
    }

    [Fact]
    public void Computed_helpers_stay_off_the_wire()
    {
        var json = JsonSerializer.Serialize(new DiscordUser { Id = "1", Username = "a" }, DiscordJsonContext.Default.DiscordUser);

        Assert.DoesNotContain("display_name", json, StringComparison.Ordinal);
    }
}
