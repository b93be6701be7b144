using GenAgent.Core.Security;

namespace GenAgent.Core.Tests.Security;

public class SecretRedactorTests
{
    [Theory]
    [InlineData("Authorization: Bearer abcdefghij0123456789", "Authorization: ***")]
    [InlineData("{\"authorization\": \"Basic dXNlcjpwYXNzd29yZA==\"}", "{\"authorization\": \"***\"}")]
    [InlineData("api-key=abcdef0123456789; next", "api-key=***; next")]
    [InlineData("header x-api-key: 9f8e7d6c5b4a3210 was refused", "header x-api-key: *** was refused")]
    [InlineData("token Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig was refused", "token Bearer *** was refused")]
    [InlineData("the key sk-proj-ABCDEFGHIJKLMNOPQRST is invalid", "the key sk-*** is invalid")]
    public void Credentials_a_reply_echoes_are_masked(string text, string expected) => Assert.Equal(expected, SecretRedactor.Redact(text));

    [Fact]
    public void Configured_secrets_are_masked_wherever_they_appear_and_short_values_are_left_alone()
    {
        SecretRedactor.Register("my-configured-secret-42", "short", null, "");

        Assert.Equal("upstream said *** twice: ***", SecretRedactor.Redact("upstream said my-configured-secret-42 twice: my-configured-secret-42"));
        Assert.Equal("a short answer", SecretRedactor.Redact("a short answer"));
    }

    [Theory]
    [InlineData("HTTP 404: The model `genagent` does not exist.")]
    [InlineData("the authorization server is down")]
    [InlineData("Bearer of bad news")]
    public void Ordinary_error_text_is_unchanged(string text) => Assert.Equal(text, SecretRedactor.Redact(text));
}
