using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Flows.Recovery;
using Custos.SelfService.Flows.Verification;
using Custos.SelfService.Strategies;

namespace Custos.UnitTests.SelfService.Strategies.Link;

/// <summary>Which bodies the link method takes: it declines what is not for it and refuses its own while switched off.</summary>
public sealed class LinkStrategyDispatchTests
{
    [Fact]
    public async Task Recovery_DeclinesABodyForTheCodeMethod()
    {
        var submission = AddressStrategies.Submit(AddressStrategies.RecoveryFlow("link"), new JsonObject { ["method"] = "code", ["code"] = "123456" });

        var outcome = await AddressStrategies.Link(o => o.Selfservice.Methods.Link.Enabled = true).SubmitAsync(submission, CancellationToken.None);

        Assert.IsType<StrategyOutcome<RecoverySucceeded>.Declined>(outcome);
    }

    [Theory]
    [InlineData("""{"token":"abcdefghijklmnopqrstuvwxyz012345"}""")]
    [InlineData("""{"method":"link","email":"a@example.com"}""")]
    public async Task Recovery_SwitchedOff_RefusesItsOwnBodyWith404(string body)
    {
        var submission = AddressStrategies.Submit(AddressStrategies.RecoveryFlow("link"), JsonNode.Parse(body)!.AsObject());

        var refused = await Assert.ThrowsAsync<CustosException>(() => AddressStrategies.Link().SubmitAsync(submission, CancellationToken.None));

        Assert.Equal(404, refused.Code);
    }

    [Fact]
    public async Task Verification_DeclinesACodeBody()
    {
        var submission = AddressStrategies.Submit(AddressStrategies.VerificationFlow(), new JsonObject { ["method"] = "code", ["email"] = "a@example.com" });

        var outcome = await AddressStrategies.Link().SubmitAsync(submission, CancellationToken.None);

        Assert.IsType<StrategyOutcome<VerificationSucceeded>.Declined>(outcome);
    }
}
