namespace GenAgent.Core.Tests.Backends;

/// <summary>Sends every request to a local server, keeping path and headers, so tests can exercise real host names.</summary>
internal sealed class RedirectHandler(Uri target) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
