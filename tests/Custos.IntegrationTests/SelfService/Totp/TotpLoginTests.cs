using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Strategies.Totp;

namespace Custos.IntegrationTests.SelfService.Totp;

/// <summary>The login verifier in the real app: Kratos's checks plus the per-identity replay block, on each database.</summary>
public abstract class TotpLoginTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TotpApp
{
    private Task<TotpLoginResult> VerifyAsync(Custos.Identity.Identity identity, string? code) =>
        app.WithScopeAsync<TotpLoginResult, TotpLogin>(login => login.VerifyAsync(identity, code, CancellationToken.None));

    [SkippableFact]
    public async Task AValidCode_IsAcceptedOnce_ThenRefusedAsAReplay()
    {
        var (id, key) = await app.CreateWithTotpAsync();
        var identity = await app.LoadAsync(id);
        var code = app.CodeNow(key);

        var first = await VerifyAsync(identity, code);
        var replay = await VerifyAsync(identity, code);

        Assert.Equal(TotpLoginOutcome.Verified, first.Outcome);
        Assert.Null(first.Message);
        Assert.Equal(TotpLoginOutcome.Replayed, replay.Outcome);
        Assert.Equal(4000008, replay.Message!.Id);
    }

    [SkippableFact]
    public async Task OnlyLaterSteps_AreAcceptedAfterAUse()
    {
        var (id, key) = await app.CreateWithTotpAsync();
        var identity = await app.LoadAsync(id);

        var current = await VerifyAsync(identity, app.CodeNow(key));
        var previous = await VerifyAsync(identity, app.CodeNow(key, -1));
        var next = await VerifyAsync(identity, app.CodeNow(key, 1));
        app.ManualClock.Advance(TimeSpan.FromSeconds(60));
        var later = await VerifyAsync(identity, app.CodeNow(key));

        Assert.Equal(TotpLoginOutcome.Verified, current.Outcome);
        Assert.Equal(TotpLoginOutcome.Replayed, previous.Outcome);
        Assert.Equal(TotpLoginOutcome.Verified, next.Outcome);
        Assert.Equal(TotpLoginOutcome.Verified, later.Outcome);
    }

    [SkippableFact]
    public async Task FiftyParallelSubmissions_OfOneCode_SucceedExactlyOnce()
    {
        var (id, key) = await app.CreateWithTotpAsync();
        var identity = await app.LoadAsync(id);
        var code = app.CodeNow(key);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => VerifyAsync(identity, code))));

        Assert.Single(results, r => r.Outcome == TotpLoginOutcome.Verified);
        Assert.Equal(49, results.Count(r => r.Outcome == TotpLoginOutcome.Replayed));
    }

    [SkippableFact]
    public async Task AWrongCode_IsRefusedWith4000008_AndUsesNoStep()
    {
        var (id, key) = await app.CreateWithTotpAsync();
        var identity = await app.LoadAsync(id);
        var code = app.CodeNow(key);
        var wrong = code == "000000" ? "111111" : "000000";

        var refused = await VerifyAsync(identity, wrong);
        var right = await VerifyAsync(identity, code);

        Assert.Equal(TotpLoginOutcome.InvalidCode, refused.Outcome);
        Assert.Equal(4000008, refused.Message!.Id);
        Assert.Equal(TotpLoginOutcome.Verified, right.Outcome);
    }

    [SkippableFact]
    public async Task WithoutTotp_TheAnswerIs4000011_AndThereAreNoNodes()
    {
        var id = await app.CreateAsync();
        var identity = await app.LoadAsync(id);

        var result = await VerifyAsync(identity, "123456");

        Assert.Equal(TotpLoginOutcome.NoDevice, result.Outcome);
        Assert.Equal(4000011, result.Message!.Id);
        Assert.Empty(TotpLogin.Nodes(identity));
    }

    [SkippableFact]
    public async Task WithTotp_TheLoginNodesAreShown()
    {
        var (id, _) = await app.CreateWithTotpAsync();

        var nodes = TotpLogin.Nodes(await app.LoadAsync(id));

        Assert.Equal(["totp_code", "method"], nodes.Select(n => n.Key));
    }

    [SkippableFact]
    public async Task ASecretSealedUnderAnotherCipherSecret_IsA403WithKratossCipherMessage()
    {
        var (id, key) = await app.CreateWithTotpAsync();
        var identity = await app.LoadAsync(id);
        identity.Credentials[CredentialTypes.Totp].Config = TotpCredentialConfig.Create(id, key.Url, ["another-cipher-secret-32-chars!!"]);
        await app.SaveAsync(identity);
        var reloaded = await app.LoadAsync(id);

        var e = await Assert.ThrowsAsync<CustosException>(() => VerifyAsync(reloaded, app.CodeNow(key)));

        Assert.Equal(403, e.Code);
        Assert.Equal("Unable to decipher the encrypted message.", e.Reason);
    }
}

public sealed class SqliteTotpLoginTests(TotpApp app) : TotpLoginTests<TotpApp>(app);

public sealed class PostgresTotpLoginTests(TotpPostgresApp app) : TotpLoginTests<TotpPostgresApp>(app);
