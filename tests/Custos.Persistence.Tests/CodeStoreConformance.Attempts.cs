using Custos.SelfService.Flows.Login;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Ui;

namespace Custos.Persistence.Tests;

/// <summary>Contention and the per-flow attempt limit.</summary>
public abstract partial class CodeStoreConformance
{
    [SkippableTheory]
    [InlineData("login")]
    [InlineData("registration")]
    public async Task FiftyParallelUses_OfOneCode_SucceedExactlyOnce(string flow)
    {
        var kind = flow == "login" ? OneTimeSecretKind.LoginCode : OneTimeSecretKind.RegistrationCode;
        var owner = await OwnerAsync();
        var code = await IssueAsync(owner, kind, Email);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            InScopeAsync(s => s.VerifyAsync(owner, kind, code), maxSubmissions: 255))));

        Assert.Single(results, r => r.IsOk);
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Equal(CodeVerificationStatus.AlreadyUsed, r.Status));
    }

    [SkippableFact]
    public async Task TheRightCode_FailsOnceMaxSubmissionsIsUsedUp_EvenAfterAResend()
    {
        var owner = await OwnerAsync();
        var code = await IssueAsync(owner, OneTimeSecretKind.LoginCode, Email);
        var wrong = code == "000000" ? "111111" : "000000";

        var misses = new List<CodeVerification>();
        for (var i = 0; i < 5; i++)
        {
            misses.Add(await InScopeAsync(s => s.VerifyAsync(owner, OneTimeSecretKind.LoginCode, wrong)));
        }

        var sixth = await InScopeAsync(s => s.VerifyAsync(owner, OneTimeSecretKind.LoginCode, code));
        var resent = await InScopeAsync(async s =>
        {
            await s.Store.DeleteForFlowAsync(OneTimeSecretKind.LoginCode, owner.LoginFlowId, Ct);
            return await s.LoginCodeAsync(owner, Email);
        });
        var afterResend = await InScopeAsync(s => s.VerifyAsync(owner, OneTimeSecretKind.LoginCode, resent));

        Assert.All(misses, m => Assert.Equal(CodeVerificationStatus.WrongCode, m.Status));
        Assert.Equal(CodeVerificationStatus.TooManyAttempts, sixth.Status);
        Assert.Equal(CodeVerificationStatus.TooManyAttempts, afterResend.Status);
    }

    [SkippableFact]
    public async Task ParallelAttempts_AreCountedWithoutLoss_SoNoMoreThanMaxSubmissionsGetThrough()
    {
        var owner = await OwnerAsync();
        var flow = new LoginFlow { Id = owner.LoginFlowId, Type = "api", RequestUrl = "", Ui = new UiContainer { Action = "" } };

        var allowed = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            InScopeAsync(s => s.Attempts.CountAsync(flow, Ct), maxSubmissions: 5))));

        Assert.Equal(5, allowed.Count(a => a));
    }

    [SkippableFact]
    public async Task CountingAnAttempt_InsideATransaction_IsRefused()
    {
        var owner = await OwnerAsync();
        var flow = new LoginFlow { Id = owner.LoginFlowId, Type = "api", RequestUrl = "", Ui = new UiContainer { Action = "" } };

        await InScopeAsync(async s =>
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                s.Db.RunInTransactionAsync(c => s.Attempts.CountAsync(flow, c), Ct));
            return 0;
        });
    }
}
