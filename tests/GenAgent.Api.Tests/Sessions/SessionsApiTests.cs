using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace GenAgent.Api.Tests.Sessions;

[Collection(ApiCollection.Name)]
public sealed class SessionsApiTests(ApiServer server)
{
    private readonly HttpClient _client = server.Open;

    [Fact]
    public async Task A_session_runs_to_its_outcome_and_every_round_links_a_downloadable_png()
    {
        var id = await _client.StartAsync("""{"prompt": "a photo of two red clocks and a blue bus", "options": {"maxImages": 2, "seed": 5}}""");

        var status = await _client.WaitEndedAsync(id);

        Assert.Equal("completed", status["status"]!.GetValue<string>());
        Assert.Equal(id, status["id"]!.GetValue<string>());
        // Absent values are left out rather than sent as null.
        Assert.False(status.ContainsKey("failure"));
        Assert.NotNull(status["outcome"]!["kind"]);
        var rounds = status["rounds"]!.AsArray();
        Assert.NotEmpty(rounds);
        for (var i = 0; i < rounds.Count; i++)
        {
            var round = rounds[i]!.AsObject();
            Assert.Equal(i + 1, round["round"]!.GetValue<int>());
            Assert.False(string.IsNullOrWhiteSpace(round["caption"]!.GetValue<string>()));
            var png = await _client.GetByteArrayAsync(round["imageUrl"]!.GetValue<string>());
            Assert.True(TestImages.IsPng(png));
        }
        // The agent looked at every image but the last before deciding to go on.
        Assert.All(rounds.Take(rounds.Count - 1), r => Assert.False(string.IsNullOrWhiteSpace(r!["judgment"]?.GetValue<string>())));
        Assert.True(TestImages.IsPng(await _client.GetByteArrayAsync(status["finalImageUrl"]!.GetValue<string>())));

        using var trajectory = await _client.GetAsync(status["trajectoryUrl"]!.GetValue<string>());
        Assert.Equal("application/json", trajectory.Content.Headers.ContentType!.MediaType);
        var json = await trajectory.JsonAsync();
        Assert.Equal(id, json["sessionId"]!.GetValue<string>());
        Assert.Equal("a photo of two red clocks and a blue bus", json["prompt"]!.GetValue<string>());
        Assert.Equal(rounds.Count, json["turns"]!.AsArray().Count(t => t!["image"] is not null));

        using var report = await _client.GetAsync(status["reportUrl"]!.GetValue<string>());
        Assert.Equal("text/html", report.Content.Headers.ContentType!.MediaType);
        var html = await report.Content.ReadAsStringAsync();
        Assert.Contains("two red clocks", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        foreach (var round in rounds)
            Assert.Contains($"src=\"{round!["imageUrl"]!.GetValue<string>()}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_high_effort_session_links_every_candidate_image_through_its_own_urls()
    {
        var id = await _client.StartAsync(
            """{"prompt": "a photo of a red bus", "options": {"effort": "high", "candidates": 2, "maxImages": 1, "width": 128, "height": 128, "candidateTemperature": 0.9, "fallback": true}}""");

        var status = await _client.WaitEndedAsync(id);

        // Before, the candidates' images lived outside the session's folder: no finalImageUrl, no round imageUrl.
        Assert.True(TestImages.IsPng(await _client.GetByteArrayAsync(status["finalImageUrl"]!.GetValue<string>())));
        var rounds = status["rounds"]!.AsArray();
        Assert.NotEmpty(rounds);
        foreach (var round in rounds) Assert.True(TestImages.IsPng(await _client.GetByteArrayAsync(round!["imageUrl"]!.GetValue<string>())));

        var json = await (await _client.GetAsync(status["trajectoryUrl"]!.GetValue<string>())).JsonAsync();
        Assert.Equal(0.9, json["options"]!["candidateTemperature"]!.GetValue<double>(), 3);
        Assert.True(json["options"]!["fallback"]!.GetValue<bool>());
        Assert.Equal(2, json["candidates"]!.AsArray().Count);

        var html = await (await _client.GetAsync(status["reportUrl"]!.GetValue<string>())).Content.ReadAsStringAsync();
        Assert.Contains("<h2>Candidates</h2>", html, StringComparison.Ordinal);
        var sources = Regex.Matches(html, "src=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.True(sources.Count >= 3, html);
        foreach (var src in sources) Assert.True(TestImages.IsPng(await _client.GetByteArrayAsync(src)), src);
    }

    [Fact]
    public async Task Simultaneous_posts_with_one_new_idempotency_key_start_one_session()
    {
        var body = $$"""{"prompt": "a photo of a blue cup", "options": {"maxImages": 1, "width": 128, "height": 128}, "idempotencyKey": "burst-{{Guid.NewGuid():N}}"}""";

        var ids = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _client.StartAsync(body)));

        Assert.Single(ids.Distinct());
        Assert.Equal("completed", (await _client.WaitEndedAsync(ids[0]))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_idempotency_key_names_the_same_session_and_starts_it_once()
    {
        var key = "order-" + Guid.NewGuid().ToString("N");
        var body = $$"""{"prompt": "a photo of a green apple", "options": {"maxImages": 1}, "idempotencyKey": "{{key}}"}""";

        var first = await _client.StartAsync(body);
        var second = await _client.StartAsync(body);
        var other = await _client.StartAsync($$"""{"prompt": "a photo of a green apple", "options": {"maxImages": 1}, "idempotencyKey": "{{key}}-2"}""");

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        var status = await _client.WaitEndedAsync(first);
        Assert.Equal("completed", status["status"]!.GetValue<string>());
        await _client.WaitEndedAsync(other);
        // A retry after the end still answers with the same session rather than starting a new one.
        Assert.Equal(first, await _client.StartAsync(body));
    }

    [Fact]
    public async Task An_input_image_sent_as_a_data_url_is_stored_as_png_under_the_session()
    {
        var jpeg = TestImages.Png(40, 30, SkiaSharp.SKEncodedImageFormat.Jpeg);
        var dataUrl = "data:image/jpeg;base64," + Convert.ToBase64String(jpeg);
        var id = await _client.StartAsync($$$"""{"prompt": "a photo of a cat", "options": {"maxImages": 1}, "image": {"url": "{{{dataUrl}}}"}}""");

        var status = await _client.WaitEndedAsync(id);

        Assert.Equal("completed", status["status"]!.GetValue<string>());
        var stored = await server.Store.TryGetAsync($"sessions/{id}/input.png");
        Assert.NotNull(stored);
        Assert.True(TestImages.IsPng(stored));
        Assert.True(TestImages.IsPng(await _client.GetByteArrayAsync($"/api/sessions/{id}/images/input.png")));
        var trajectory = await (await _client.GetAsync($"/api/sessions/{id}/trajectory")).JsonAsync();
        Assert.Equal($"sessions/{id}/input.png", trajectory["inputImage"]!["key"]!.GetValue<string>());
        Assert.Equal(40, trajectory["inputImage"]!["width"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_image_url_is_downloaded_only_where_the_server_allows_it()
    {
        var fetching = server.Restricted;
        var url = new Uri(fetching.BaseAddress!, "/test/input.png").AbsoluteUri;
        var body = $$$"""{"prompt": "a photo of a dog", "options": {"maxImages": 1}, "image": {"url": "{{{url}}}"}}""";

        using var refused = await _client.PostJsonAsync("/api/sessions", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await refused.JsonAsync())["errors"]!["image.url"]);

        var id = await fetching.StartAsync(body);
        await fetching.WaitEndedAsync(id);
        var trajectory = await (await fetching.GetAsync($"/api/sessions/{id}/trajectory")).JsonAsync();
        Assert.Equal(32, trajectory["inputImage"]!["width"]!.GetValue<int>());
        Assert.Equal(24, trajectory["inputImage"]!["height"]!.GetValue<int>());
        Assert.True(TestImages.IsPng((await server.Store.TryGetAsync($"sessions/{id}/input.png"))!));
    }

    [Fact]
    public async Task Cancel_is_accepted_while_running_and_refused_once_the_session_ended()
    {
        // The follow-up window keeps the session running until the cancel arrives, whatever the machine's speed.
        var id = await _client.StartAsync("""{"prompt": "a photo of three purple cups and a yellow kite", "options": {"maxImages": 3, "followUpWindowSeconds": 600}}""");

        using var cancel = await _client.PostAsync($"/api/sessions/{id}/cancel", content: null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var status = await _client.WaitEndedAsync(id);
        Assert.Equal("completed", status["status"]!.GetValue<string>());
        Assert.Equal("cancelled", status["outcome"]!["kind"]!.GetValue<string>());

        using var again = await _client.PostAsync($"/api/sessions/{id}/cancel", content: null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Messages_validate_the_session_and_the_text()
    {
        using var unknown = await _client.PostJsonAsync("/api/sessions/nosuchsession/messages", """{"text": "make it snowy"}""");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var id = await _client.StartAsync("""{"prompt": "a photo of a red bench", "options": {"maxImages": 1}}""");
        await _client.WaitEndedAsync(id);

        using var empty = await _client.PostJsonAsync($"/api/sessions/{id}/messages", """{"text": "  "}""");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.NotNull((await empty.JsonAsync())["errors"]!["text"]);

        using var unknownField = await _client.PostJsonAsync($"/api/sessions/{id}/messages", """{"text": "snow", "mood": "calm"}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);

        using var ended = await _client.PostJsonAsync($"/api/sessions/{id}/messages", """{"text": "make it snowy"}""");
        Assert.Equal(HttpStatusCode.Conflict, ended.StatusCode);
        Assert.Contains(id, (await ended.JsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_continues_the_same_session_and_cancel_ends_it_while_it_waits()
    {
        var id = await _client.StartAsync("""{"prompt": "a photo of a red bench", "options": {"maxImages": 1, "followUpWindowSeconds": 600}}""");
        await WaitForPhaseAsync(id, "awaitingFollowUp");

        using var message = await _client.PostJsonAsync($"/api/sessions/{id}/messages", """{"text": "make the bench blue"}""");
        Assert.Equal(HttpStatusCode.Accepted, message.StatusCode);
        Assert.Equal(id, (await message.JsonAsync())["id"]!.GetValue<string>());
        var waiting = await WaitForPhaseAsync(id, "awaitingFollowUp", episode: 2);
        Assert.Equal("running", waiting["status"]!.GetValue<string>());
        var livePage = await _client.GetStringAsync($"/sessions/{id}");
        Assert.Contains("http-equiv=\"refresh\"", livePage, StringComparison.Ordinal);
        Assert.Contains("a photo of a red bench", livePage, StringComparison.Ordinal);

        using var cancel = await _client.PostAsync($"/api/sessions/{id}/cancel", content: null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var status = await _client.WaitEndedAsync(id);
        Assert.Equal("cancelled", status["outcome"]!["kind"]!.GetValue<string>());
        var trajectory = await (await _client.GetAsync($"/api/sessions/{id}/trajectory")).JsonAsync();
        Assert.Equal("make the bench blue", trajectory["followUps"]!.AsArray().Single()!["text"]!.GetValue<string>());
    }

    /// <summary>
    /// Polls until the session reports <paramref name="phase"/> in the given episode (follow-ups start episode 2, 3, ...).
    /// The poll count only turns a stuck session into a failure that shows its last state instead of a hung run.
    /// </summary>
    private async Task<JsonObject> WaitForPhaseAsync(string id, string phase, int episode = 1)
    {
        JsonObject? last = null;
        for (var poll = 0; poll < 300; poll++)
        {
            using var response = await _client.GetAsync($"/api/sessions/{id}");
            var status = await response.JsonAsync();
            Assert.NotEqual("completed", status["status"]!.GetValue<string>());
            var trajectory = await (await _client.GetAsync($"/api/sessions/{id}/trajectory")).Content.ReadAsStringAsync();
            var followUps = trajectory.StartsWith('{') ? JsonNode.Parse(trajectory)!["followUps"]?.AsArray().Count ?? 0 : 0;
            if (status["progress"]?["phase"]?.GetValue<string>() == phase && followUps == episode - 1) return status;
            last = status;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"Session {id} never reached {phase} in episode {episode}; last status: {last?.ToJsonString()}");
    }

    [Fact]
    public async Task Unknown_sessions_are_404_problems_on_every_endpoint()
    {
        string[] paths = ["/api/sessions/abc123", "/api/sessions/abc123/trajectory", "/sessions/abc123", "/api/sessions/abc123/images/turn-01.png", "/api/sessions/bad.id"];
        foreach (var path in paths)
        {
            using var response = await _client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        using var cancel = await _client.PostAsync("/api/sessions/abc123/cancel", content: null);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
    }

    [Fact]
    public async Task The_image_endpoint_serves_nothing_outside_the_session_folder()
    {
        await server.Store.PutAsync("sessions/s1/agent/turn-00.json", "{}"u8.ToArray(), "application/json");
        await server.Store.PutAsync("secret.png", TestImages.Png(4, 4), "image/png");

        string[] paths = ["/api/sessions/s1/images/agent/turn-00.json", "/api/sessions/s1/images/..%2F..%2Fsecret.png", "/api/sessions/s1/images/%2E%2E/%2E%2E/secret.png"];
        foreach (var path in paths)
        {
            using var response = await _client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Image_names_too_long_for_any_file_system_are_404_not_500()
    {
        string[] paths = [$"/api/sessions/s1/images/{new string('x', 256)}.png", $"/api/sessions/s1/images/{string.Concat(Enumerable.Repeat("a/", 2100))}a.png"];
        foreach (var path in paths)
        {
            using var response = await _client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var store = new GenAgent.Core.Images.LocalImageStore(Path.GetTempPath());
        Assert.Null(await store.TryGetAsync($"{new string('x', 300)}/{new string('y', 300)}.png"));
    }
}
