using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace GenAgent.Core.Tests.Backends.ComfyUI;

/// <summary>
/// A ComfyUI server's HTTP API on loopback as ComfyUI serves it: <c>POST /prompt</c> (400 with <c>node_errors</c> for
/// a KSampler with steps below 1), <c>GET /history/{id}</c> (empty until the job has been polled twice, then its outputs
/// or an <c>execution_error</c>), <c>GET /view</c>, <c>POST /upload/image</c>, <c>GET</c> and <c>POST /queue</c>,
/// <c>POST /interrupt</c>. Each output image is a solid colour drawn from the KSampler's seed, at the latent's size.
/// </summary>
internal sealed class FakeComfyUI : IAsyncDisposable
{
    private static readonly string[] SaveNode = ["9"];

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (JsonObject Workflow, int Polls)> _jobs = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private int _next;

    private FakeComfyUI(WebApplication app) => _app = app;

    public Uri Root { get; private set; } = null!;

    /// <summary>What the next jobs do: finish, fail in a node, or never finish (for cancellation and restarts).</summary>
    public JobMode Mode { get; set; } = JobMode.Succeed;

    public ConcurrentQueue<JsonObject> Prompts { get; } = new();

    public ConcurrentQueue<(string Name, byte[] Bytes)> Uploads { get; } = new();

    /// <summary>Bodies of <c>POST /queue</c> and <c>POST /interrupt</c>, in arrival order.</summary>
    public ConcurrentQueue<(string Route, JsonObject Body)> Controls { get; } = new();

    public enum JobMode { Succeed, FailInNode, Stall }

    /// <summary>As a restarted server: every queued and running job is forgotten.</summary>
    public void Restart() => _jobs.Clear();

    public static async Task<FakeComfyUI> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var fake = new FakeComfyUI(app);
        app.MapPost("/prompt", (Delegate)fake.QueueAsync);
        app.MapGet("/history/{id}", (string id) => fake.History(id));
        app.MapGet("/view", (string filename, string type, string? subfolder) =>
            fake._files.TryGetValue(filename, out var png) ? Results.Bytes(png, "image/png") : Results.NotFound());
        app.MapPost("/upload/image", (Delegate)fake.UploadAsync);
        app.MapGet("/queue", fake.Queue);
        app.MapPost("/queue", context => fake.ControlAsync("queue", context));
        app.MapPost("/interrupt", context => fake.ControlAsync("interrupt", context));
        await app.StartAsync();
        fake.Root = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return fake;
    }

    private async Task<IResult> QueueAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var workflow = body["prompt"]!.AsObject();
        Prompts.Enqueue(workflow);
        foreach (var (id, node) in workflow)
        {
            if (node!["class_type"]!.GetValue<string>() == "KSampler" && node["inputs"]!["steps"] is JsonValue steps && steps.TryGetValue<int>(out var n) && n < 1)
            {
                return Results.Json(new
                {
                    error = new { type = "prompt_outputs_failed_validation", message = "Prompt outputs failed validation", details = "", extra_info = new { } },
                    node_errors = new Dictionary<string, object>
                    {
                        [id] = new { errors = new[] { new { type = "value_smaller_than_min", message = "Value 0 smaller than min of 1", details = "steps", extra_info = new { } } }, dependent_outputs = SaveNode, class_type = "KSampler" },
                    },
                }, statusCode: 400);
            }
        }
        var promptId = $"p-{Interlocked.Increment(ref _next)}";
        _jobs[promptId] = (workflow, 0);
        return Results.Json(new { prompt_id = promptId, number = _next, node_errors = new { } });
    }

    private IResult History(string id)
    {
        if (!_jobs.TryGetValue(id, out var job) || Mode == JobMode.Stall) return Results.Json(new { });
        _jobs[id] = job with { Polls = job.Polls + 1 };
        if (job.Polls < 2) return Results.Json(new { });
        if (Mode == JobMode.FailInNode)
        {
            object[] error = ["execution_error", new { prompt_id = id, node_id = "3", node_type = "KSampler", exception_message = "CUDA out of memory. Tried to allocate 2.00 GiB\n", exception_type = "torch.OutOfMemoryError" }];
            return Results.Json(new Dictionary<string, object> { [id] = new { outputs = new { }, status = new { status_str = "error", completed = false, messages = new object[] { new object[] { "execution_start", new { prompt_id = id } }, error } } } });
        }
        var name = $"genagent_{id}_.png";
        _files[name] = Draw(job.Workflow);
        return Results.Json(new Dictionary<string, object>
        {
            [id] = new { outputs = new Dictionary<string, object> { ["9"] = new { images = new[] { new { filename = name, subfolder = "", type = "output" } } } }, status = new { status_str = "success", completed = true, messages = Array.Empty<object>() } },
        });
    }

    private IResult Queue() => Results.Json(new
    {
        queue_running = _jobs.Keys.Take(1).Select(id => new object[] { 0, id }).ToArray(),
        queue_pending = _jobs.Keys.Skip(1).Select(id => new object[] { 1, id }).ToArray(),
    });

    private async Task<IResult> UploadAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var file = form.Files["image"]!;
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        Uploads.Enqueue((file.FileName, buffer.ToArray()));
        return Results.Json(new { name = file.FileName, subfolder = "genagent", type = "input" });
    }

    private async Task ControlAsync(string route, HttpContext context)
    {
        Controls.Enqueue((route, (await JsonNode.ParseAsync(context.Request.Body))!.AsObject()));
        context.Response.StatusCode = 200;
    }

    private static byte[] Draw(JsonObject workflow)
    {
        var nodes = workflow.Select(n => n.Value!.AsObject()).ToList();
        var sampler = nodes.First(n => n["class_type"]!.GetValue<string>() == "KSampler")["inputs"]!;
        var seed = sampler["seed"]!.GetValue<long>();
        var latent = nodes.FirstOrDefault(n => n["class_type"]!.GetValue<string>() == "EmptyLatentImage")?["inputs"];
        var (width, height) = latent is null ? (64, 64) : (latent["width"]!.GetValue<int>(), latent["height"]!.GetValue<int>());
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor((byte)(seed * 37), (byte)(seed * 91), (byte)(seed * 13)));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
