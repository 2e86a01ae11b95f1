using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Flows.Recovery;
using Custos.SelfService.Flows.Verification;
using Custos.SelfService.Strategies;

namespace Custos.UnitTests.SelfService.Strategies.Code;

/// <summary>Which bodies the code method takes: it declines what is not for it and refuses its own while switched off.</summary>
public sealed class CodeStrategyDispatchTests
{
    [Fact]
    public async Task Recovery_DeclinesABodyForTheLinkMethod()
    {
        var submission = AddressStrategies.Submit(AddressStrategies.RecoveryFlow(), new JsonObject { ["method"] = "link", ["email"] = "a@example.com" });

        var outcome = await AddressStrategies.Code().SubmitAsync(submission, CancellationToken.None);

        Assert.IsType<StrategyOutcome<RecoverySucceeded>.Declined>(outcome);
    }

    [Fact]
    public async Task Recovery_DeclinesABodyThatNamesNoMethodAndCarriesNoCode()
    {
        var submission = AddressStrategies.Submit(AddressStrategies.RecoveryFlow(), new JsonObject { ["email"] = "a@example.com" });

        var outcome = await AddressStrategies.Code().SubmitAsync(submission, CancellationToken.None);

        Assert.IsType<StrategyOutcome<RecoverySucceeded>.Declined>(outcome);
    }

    [Theory]
    [InlineData("""{"method":"code","code":"123456"}""")]
    [InlineData("""{"code":"123456"}""")]
    public async Task Recovery_SwitchedOff_RefusesItsOwnBodyWith404(string body)
    {
        var code = AddressStrategies.Code(o => o.Selfservice.Methods.Code.Enabled = false);
        var submission = AddressStrategies.Submit(AddressStrategies.RecoveryFlow("code", "sent_email"), JsonNode.Parse(body)!.AsObject());

        var refused = await Assert.ThrowsAsync<CustosException>(() => code.SubmitAsync(submission, CancellationToken.None));

        Assert.Equal(404, refused.Code);
    }

    [Fact]
    public async Task Verification_DeclinesALinkToken()
    {
        var submission = AddressStrategies.Submit(AddressStrategies.VerificationFlow(), new JsonObject { ["token"] = "abcdefghijklmnopqrstuvwxyz012345" });

        var outcome = await AddressStrategies.Code().SubmitAsync(submission, CancellationToken.None);

        Assert.IsType<StrategyOutcome<VerificationSucceeded>.Declined>(outcome);
    }

    [Fact]
    public async Task ABodyFieldOfTheWrongType_IsA400_BeforeAnythingElse()
    {
        var submission = AddressStrategies.Submit(AddressStrategies.RecoveryFlow(), new JsonObject { ["method"] = "code", ["code"] = 123456 });

        var refused = await Assert.ThrowsAsync<CustosException>(() => AddressStrategies.Code().SubmitAsync(submission, CancellationToken.None));

        Assert.Equal(400, refused.Code);
    }
}
