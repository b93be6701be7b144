namespace GenAgent.Triggers.Queues;

public enum QueueMessageOutcome
{
    /// <summary>The session started, or already existed (a redelivered message).</summary>
    Started,

    /// <summary>The message went to the poison queue; the host should delete it from the requests queue.</summary>
    Poisoned,
}
