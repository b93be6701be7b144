using GenAgent.Core.Quotas;

namespace GenAgent.Triggers.Queues;

/// <summary>A queued request a cap (or the kill switch) refused for now; the message is delivered again later.</summary>
public sealed class SessionRefusedException : Exception
{
    public SessionRefusedException()
    {
    }

    public SessionRefusedException(string message)
        : base(message)
    {
    }

    public SessionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SessionRefusedException(AdmissionResult refusal)
        : base($"The session was not started: {refusal?.Reason}")
    {
        Refusal = refusal;
    }

    public AdmissionResult? Refusal { get; }
}
