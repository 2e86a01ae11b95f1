using Custos.SelfService.Hooks.WebHooks;
using Custos.SelfService.Ui;

namespace Custos.UnitTests.SelfService.Hooks.WebHooks;

/// <summary>How a web hook's answer becomes an outcome (contract §7.4).</summary>
public sealed class WebHookResponsesTests
{
    private static readonly WebHookConfig Plain = new() { Url = "https://hooks.example.com/", Method = "POST" };
    private static readonly WebHookConfig Parsing = Plain with { Parse = true };

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    [InlineData(302)]
    public void WithoutParse_SuccessAndRedirects_Continue(int status)
    {
        Assert.IsType<WebHookOutcome.Continue>(WebHookResponses.Interpret(Plain, new WebHookResponse(status, "not json")));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(501)]
    public void WithoutParse_Errors_FailWith502(int status)
    {
        var failed = Assert.IsType<WebHookOutcome.Failed>(WebHookResponses.Interpret(Plain, new WebHookResponse(status, "{}")));

        Assert.Equal(502, failed.Error.Code);
        Assert.Equal($"webhook failed with status code {status}", failed.Error.Message);
        Assert.Equal("A third-party upstream service responded improperly. Please try again later.", failed.Error.Reason);
    }

    [Fact]
    public void WithParse_InterruptFormat_BecomesMessages()
    {
        var body = """{"messages":[{"instance_ptr":"#/traits/email","messages":[{"id":123,"text":"blocked","type":"error","context":{"value":"x"}},{"id":124,"text":"note","type":"success"}]}]}""";

        var outcome = Assert.IsType<WebHookOutcome.Interrupted>(WebHookResponses.Interpret(Parsing, new WebHookResponse(409, body)));

        var entry = Assert.Single(outcome.Messages);
        Assert.Equal("#/traits/email", entry.InstancePtr);
        Assert.Equal(new[] { (123L, "blocked", UiText.Error), (124L, "note", UiText.Info) }, entry.Messages.Select(m => (m.Id, m.Text, m.Type)));
        Assert.Equal("x", entry.Messages[0].Context!["value"]!.ToString());
    }

    [Theory]
    [InlineData("""{"messages":[]}""")]
    [InlineData("{}")]
    [InlineData("")]
    [InlineData("<html>")]
    [InlineData("""{"messages":[{"instance_ptr":"#/","messages":[{"id":"not a number"}]}]}""")]
    public void WithParse_ErrorsWithoutMessages_FailWith500(string body)
    {
        var failed = Assert.IsType<WebHookOutcome.Failed>(WebHookResponses.Interpret(Parsing, new WebHookResponse(400, body)));

        Assert.Equal(500, failed.Error.Code);
    }

    [Fact]
    public void WithParse_200Identity_IsAPatch()
    {
        var body = """{"identity":{"traits":{"email":"new@example.com"},"metadata_public":{"a":1},"metadata_admin":null,"state":"inactive","external_id":null}}""";

        var parsed = Assert.IsType<WebHookOutcome.Parsed>(WebHookResponses.Interpret(Parsing, new WebHookResponse(200, body)));

        Assert.Equal("new@example.com", parsed.Identity.Traits!["email"]!.GetValue<string>());
        Assert.Equal(1, parsed.Identity.MetadataPublic!["a"]!.GetValue<int>());
        Assert.Null(parsed.Identity.MetadataAdmin);
        Assert.Equal("inactive", parsed.Identity.State);
        Assert.True(parsed.Identity.SetsExternalId);
    }

    [Theory]
    [InlineData(200, "{}")]
    [InlineData(200, """{"identity":null}""")]
    [InlineData(204, "")]
    [InlineData(201, "not json")]
    public void WithParse_NoIdentity_Continues(int status, string body)
    {
        Assert.IsType<WebHookOutcome.Continue>(WebHookResponses.Interpret(Parsing, new WebHookResponse(status, body)));
    }

    [Fact]
    public void WithParse_200ThatIsNotJson_FailsWith500()
    {
        Assert.Equal(500, Assert.IsType<WebHookOutcome.Failed>(WebHookResponses.Interpret(Parsing, new WebHookResponse(200, ""))).Error.Code);
    }

    [Fact]
    public void Timeout_Is504_OtherFailures500()
    {
        Assert.Equal(504, WebHookResponses.ErrorFor(new WebHookTransportException(WebHookFailure.Timeout, "slow")).Code);
        Assert.Equal(500, WebHookResponses.ErrorFor(new WebHookTransportException(WebHookFailure.GaveUp, "503")).Code);
        Assert.Equal(500, WebHookResponses.ErrorFor(new WebHookTransportException(WebHookFailure.Refused, "private")).Code);
    }
}
