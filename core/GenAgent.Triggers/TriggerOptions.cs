using System.ComponentModel.DataAnnotations;

namespace GenAgent.Triggers;

/// <summary>Names and limits of the cloud-event entry points; bind from <c>GenAgent:Triggers</c>.</summary>
public sealed class TriggerOptions
{
    public const string SectionName = "GenAgent:Triggers";

    /// <summary>The container whose JSON / JSONL files request sessions.</summary>
    public string RequestsContainer { get; set; } = "requests";

    /// <summary>The container that receives <c>&lt;file&gt;/&lt;session&gt;/final.png</c>, <c>trajectory.json</c> and <c>&lt;file&gt;/summary.json</c>.</summary>
    public string ResultsContainer { get; set; } = "results";

    public string RequestsQueue { get; set; } = "genagent-requests";

    /// <summary>The Functions runtime uses the same name for its own poison messages, so operators look in one place.</summary>
    public string PoisonQueue { get; set; } = "genagent-requests-poison";

    /// <summary>Deliveries of a queue message before it goes to the poison queue (the Functions default).</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Most items one request file may hold; items beyond it are reported as broken.</summary>
    [Range(1, 100_000)]
    public int MaxItemsPerFile { get; set; } = 1000;

    /// <summary>Days a finished session's images and trajectory are kept.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;
}
