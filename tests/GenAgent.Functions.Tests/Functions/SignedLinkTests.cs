using GenAgent.Api;
using GenAgent.Api.Auth;
using GenAgent.Core.Images;
using GenAgent.Functions.Functions;
using GenAgent.Functions.Tests.Fakes;
using GenAgent.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Functions.Tests.Functions;

/// <summary>The report page and images are anonymous to the host, so the app itself must admit only signed links.</summary>
public sealed class SignedLinkTests : IDisposable
{
    private const string SessionId = "s-signed-links";
    private const string Path = "/api/sessions/" + SessionId + "/images/final.png";
    private readonly TempFolder _folder = new();
    private readonly LocalImageStore _store;

    public SignedLinkTests()
    {
        _store = new LocalImageStore(_folder.Path);
    }

    [Fact]
    public async Task An_image_opens_with_a_link_signed_by_the_api_key_and_not_without_one()
    {
        await _store.PutAsync(SessionKeys.FinalImage(SessionId), new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png");
        var functions = Functions("link-key");

        var unsigned = await functions.GetImageAsync(Request(null), SessionId, "final.png", CancellationToken.None);
        Assert.Equal(StatusCodes.Status401Unauthorized, Assert.IsType<ProblemHttpResult>(unsigned).StatusCode);

        var forged = await functions.GetImageAsync(Request(LinkSigner.Sign("other-key", Path)), SessionId, "final.png", CancellationToken.None);
        Assert.Equal(StatusCodes.Status401Unauthorized, Assert.IsType<ProblemHttpResult>(forged).StatusCode);

        var signed = await functions.GetImageAsync(Request(LinkSigner.Sign("link-key", Path)), SessionId, "final.png", CancellationToken.None);
        var file = Assert.IsType<FileContentHttpResult>(Assert.IsType<Results<FileContentHttpResult, ProblemHttpResult>>(signed).Result);
        Assert.Equal(4, file.FileContents.Length);
    }

    [Fact]
    public async Task Without_a_key_to_sign_with_the_anonymous_routes_stay_closed_and_say_which_setting_opens_them()
    {
        await _store.PutAsync(SessionKeys.FinalImage(SessionId), new byte[] { 1 }, "image/png");

        var result = await Functions(apiKey: null).GetImageAsync(Request(null), SessionId, "final.png", CancellationToken.None);

        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status401Unauthorized, problem.StatusCode);
        Assert.Contains("GenAgent__Api__ApiKey", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private SessionHttpFunctions Functions(string? apiKey) =>
        new(_store, new ApiOptions { ApiKey = apiKey }, new WorkflowOptions(), new ServiceCollection().BuildServiceProvider());

    private static HttpRequest Request(string? signature)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = Path;
        if (signature is not null) context.Request.QueryString = new QueryString($"?{LinkSigner.QueryName}={signature}");
        return context.Request;
    }
}
