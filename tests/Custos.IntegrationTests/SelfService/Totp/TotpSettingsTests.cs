using Custos.Identity;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Strategies.Totp;
using Custos.SelfService.Ui;

namespace Custos.IntegrationTests.SelfService.Totp;

/// <summary>The settings building blocks in the real app: the key offered per render, linking, unlinking.</summary>
public abstract class TotpSettingsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TotpApp
{
    private Task<IReadOnlyList<UiNode>> PopulateAsync(SettingsFlow flow, Custos.Identity.Identity identity) =>
        app.WithScopeAsync<IReadOnlyList<UiNode>, TotpSettings>(s => s.PopulateAsync(flow, identity, CancellationToken.None));

    private Task<TotpSettingsResult> SubmitAsync(SettingsFlow flow, Custos.Identity.Identity identity, string? code, bool unlink = false) =>
        app.WithScopeAsync<TotpSettingsResult, TotpSettings>(s => s.SubmitAsync(flow, identity, code, unlink, CancellationToken.None));

    [SkippableFact]
    public async Task EachRender_OffersANewKey_ForTheAccountNameTrait_BoundToTheFlow()
    {
        var id = await app.CreateAsync(schemaId: "totp", username: "alice");
        var identity = await app.LoadAsync(id);
        var flow = TotpIdentities.NewSettingsFlow(id);

        var nodes = await PopulateAsync(flow, identity);
        var firstUrl = TotpFlowContext.PendingUrl(flow)!;
        await PopulateAsync(flow, identity);
        var secondUrl = TotpFlowContext.PendingUrl(flow)!;

        Assert.Equal(["totp_qr", "totp_secret_key", "totp_code", "method"], nodes.Select(n => n.Key));
        Assert.StartsWith("otpauth://totp/Custos%20Test:alice?algorithm=SHA1&digits=6&issuer=Custos%20Test&period=30&secret=", firstUrl, StringComparison.Ordinal);
        Assert.Equal(TotpKeyUri.Secret(firstUrl), nodes[1].Attributes["text"]!["text"]!.GetValue<string>());
        Assert.NotEqual(TotpKeyUri.Secret(firstUrl), TotpKeyUri.Secret(secondUrl));
        Assert.DoesNotContain(TotpKeyUri.Secret(secondUrl)!, flow.ToJson().ToJsonString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task WithoutAnAccountNameTrait_TheAccountIsTheIdentityId()
    {
        var id = await app.CreateAsync();
        var flow = TotpIdentities.NewSettingsFlow(id);

        await PopulateAsync(flow, await app.LoadAsync(id));

        Assert.StartsWith($"otpauth://totp/Custos%20Test:{id:D}?", TotpFlowContext.PendingUrl(flow), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AMissingOrWrongCode_IsAMessageOnTheCodeNode()
    {
        var id = await app.CreateAsync();
        var identity = await app.LoadAsync(id);
        var flow = TotpIdentities.NewSettingsFlow(id);
        await PopulateAsync(flow, identity);
        var code = TotpCode.Compute(TotpKeyUri.Secret(TotpFlowContext.PendingUrl(flow)!)!, app.ManualClock.GetUtcNow().UtcDateTime);

        var missing = await SubmitAsync(flow, identity, "");
        var wrong = await SubmitAsync(flow, identity, code == "000000" ? "111111" : "000000");

        Assert.Equal((TotpSettingsOutcome.CodeMissing, 4000002L, "totp_code"), (missing.Outcome, missing.Message!.Id, missing.MessageNode));
        Assert.Equal("Property totp_code is missing.", missing.Message.Text);
        Assert.Equal((TotpSettingsOutcome.CodeInvalid, 4000008L, "totp_code"), (wrong.Outcome, wrong.Message!.Id, wrong.MessageNode));
        Assert.False(identity.Credentials.ContainsKey(CredentialTypes.Totp));
    }

    [SkippableFact]
    public async Task TheRightCode_LinksTheFlowsKey_Sealed_AndTheCodeCannotSignInAgain()
    {
        var id = await app.CreateAsync();
        var identity = await app.LoadAsync(id);
        var flow = TotpIdentities.NewSettingsFlow(id);
        await PopulateAsync(flow, identity);
        var url = TotpFlowContext.PendingUrl(flow)!;
        var code = TotpCode.Compute(TotpKeyUri.Secret(url)!, app.ManualClock.GetUtcNow().UtcDateTime);

        var result = await SubmitAsync(flow, identity, code);
        await app.SaveAsync(identity);
        var stored = await app.LoadAsync(id);
        var login = await app.WithScopeAsync<TotpLoginResult, TotpLogin>(l => l.VerifyAsync(stored, code, CancellationToken.None));

        Assert.Equal(TotpSettingsOutcome.Linked, result.Outcome);
        Assert.True(result.Succeeded);
        Assert.Null(TotpFlowContext.PendingUrl(flow));
        var credential = stored.Credentials[CredentialTypes.Totp];
        Assert.Equal([id.ToString("D")], credential.Identifiers);
        Assert.Equal([TotpCredentialConfig.SealedUrlKey], credential.Config.Select(kv => kv.Key));
        Assert.Equal(url, TotpCredentialConfig.ReadUrl(id, credential.Config, [TotpApp.CipherSecret]));
        Assert.Equal(TotpLoginOutcome.Replayed, login.Outcome);
    }

    [SkippableFact]
    public async Task ALinkedApp_OffersUnlink_AndUnlinkRemovesIt()
    {
        var (id, _) = await app.CreateWithTotpAsync();
        var identity = await app.LoadAsync(id);
        var flow = TotpIdentities.NewSettingsFlow(id);

        var nodes = await PopulateAsync(flow, identity);
        var kept = await SubmitAsync(flow, identity, null, unlink: false);
        var keptCredential = identity.Credentials.ContainsKey(CredentialTypes.Totp);
        var removed = await SubmitAsync(flow, identity, null, unlink: true);

        Assert.Equal(["totp_unlink"], nodes.Select(n => n.Key));
        Assert.Null(TotpFlowContext.PendingUrl(flow));
        Assert.Equal(TotpSettingsOutcome.Unchanged, kept.Outcome);
        Assert.True(keptCredential);
        Assert.Equal(TotpSettingsOutcome.Unlinked, removed.Outcome);
        Assert.False(identity.Credentials.ContainsKey(CredentialTypes.Totp));
        Assert.Equal(["totp_qr", "totp_secret_key", "totp_code", "method"], (await PopulateAsync(flow, identity)).Select(n => n.Key));
    }

    [SkippableFact]
    public async Task AFlowThatOfferedNoKey_IsAFormMessage()
    {
        var id = await app.CreateAsync();

        var result = await SubmitAsync(TotpIdentities.NewSettingsFlow(id), await app.LoadAsync(id), "123456");

        Assert.Equal(TotpSettingsOutcome.NoPendingKey, result.Outcome);
        Assert.Equal(4000001, result.Message!.Id);
        Assert.Null(result.MessageNode);
    }
}

public sealed class SqliteTotpSettingsTests(TotpApp app) : TotpSettingsTests<TotpApp>(app);

public sealed class PostgresTotpSettingsTests(TotpPostgresApp app) : TotpSettingsTests<TotpPostgresApp>(app);
