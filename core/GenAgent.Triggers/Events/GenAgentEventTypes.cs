namespace GenAgent.Triggers.Events;

/// <summary>The event types GenAgent acts on; every other type is acknowledged and ignored.</summary>
public static class GenAgentEventTypes
{
    /// <summary>Requests a session. Data: <c>{prompt, options?}</c>. The event id becomes the session id.</summary>
    public const string SessionRequested = "GenAgent.Session.Requested";
}
