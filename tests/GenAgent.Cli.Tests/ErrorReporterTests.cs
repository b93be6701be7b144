using GenAgent.Core.Tools;

namespace GenAgent.Cli.Tests;

public class ErrorReporterTests
{
    [Fact]
    public void A_permanent_backend_error_is_one_line_with_its_fix()
    {
        using var error = new StringWriter();

        var code = ErrorReporter.Report(new PermanentToolException("the endpoint rejected the API key:\nset GenAgent__Agent__ApiKey"), error);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Equal("genagent: the endpoint rejected the API key: set GenAgent__Agent__ApiKey" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void A_usage_error_keeps_its_exit_code()
    {
        using var error = new StringWriter();

        Assert.Equal(ExitCodes.Usage, ErrorReporter.Report(new CliException("bad flag"), error));
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }
}
