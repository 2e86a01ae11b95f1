using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Ui;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Totp;

/// <summary>
/// The totp method of settings flows (Kratos's <c>PopulateSettingsMethod</c> and <c>updateSettingsFlowWithTotpMethod</c>),
/// without the HTTP part: the caller checks the privileged session, CSRF and <c>method</c>, then stores what changed.
/// </summary>
internal sealed class TotpSettings(TotpAccountName accountNames, ITotpStepStore steps, IOptionsMonitor<CustosOptions> options, TimeProvider clock)
{
    /// <summary>Whether the identity has an app linked, as Kratos counts it (an identifier and a parsable key URI).</summary>
    public static bool IsLinked(Identity.Identity identity) =>
        identity.Credentials.TryGetValue(CredentialTypes.Totp, out var credential) && TotpCredentialConfig.HasKey(credential);

    /// <summary>
    /// The totp nodes of a settings flow. Without a linked app every call draws a new key and offers it through the
    /// flow's internal context, as Kratos does on every render: store the flow afterwards.
    /// </summary>
    public async Task<IReadOnlyList<UiNode>> PopulateAsync(SettingsFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        if (IsLinked(identity))
        {
            return TotpNodes.SettingsUnlink();
        }

        var key = TotpKey.Generate(Issuer(), await accountNames.ResolveAsync(identity, ct));
        TotpFlowContext.SetPendingUrl(flow, key.Url);
        return TotpNodes.SettingsSetup(key);
    }

    /// <summary>
    /// Applies a totp submit to <paramref name="identity"/> (in memory): links the key this flow offered when the code
    /// matches it, or unlinks. On <see cref="TotpSettingsOutcome.Linked"/> the offered key is removed from the flow and
    /// the code's step counts as used, so the enrolment code cannot also sign in.
    /// </summary>
    public async Task<TotpSettingsResult> SubmitAsync(SettingsFlow flow, Identity.Identity identity, string? code, bool unlink, CancellationToken ct)
    {
        if (IsLinked(identity))
        {
            if (!unlink)
            {
                return new TotpSettingsResult(TotpSettingsOutcome.Unchanged);
            }

            identity.Credentials.Remove(CredentialTypes.Totp);
            return new TotpSettingsResult(TotpSettingsOutcome.Unlinked);
        }

        if (TotpFlowContext.PendingUrl(flow) is not { } url || TotpKeyUri.Secret(url) is not { Length: > 0 } secret)
        {
            // Kratos calls this a code bug and answers 500; it happens when the flow was rendered with an app linked.
            return new TotpSettingsResult(TotpSettingsOutcome.NoPendingKey,
                Messages.ErrorValidationGeneric("This settings flow offered no authenticator app key. Reload the page and scan the new QR code."));
        }

        if (string.IsNullOrEmpty(code))
        {
            return new TotpSettingsResult(TotpSettingsOutcome.CodeMissing, Messages.ErrorValidationRequired(TotpNodes.CodeField), TotpNodes.CodeField);
        }

        var now = Clock.Now(clock);
        if (TotpCode.MatchStep(secret, code, now) is not { } step)
        {
            return new TotpSettingsResult(TotpSettingsOutcome.CodeInvalid, Messages.ErrorValidationTOTPVerifierWrong(), TotpNodes.CodeField);
        }

        identity.Credentials[CredentialTypes.Totp] = TotpCredentialConfig.NewCredentials(identity.Id, url, options.CurrentValue.Secrets.Cipher, now);
        TotpFlowContext.ClearPendingUrl(flow);
        await steps.ResetAsync(identity.Id, step, now, ct);
        return new TotpSettingsResult(TotpSettingsOutcome.Linked);
    }

    // The configuration defaults the issuer to the public base URL's host; this covers options built by hand.
    private string Issuer()
    {
        var o = options.CurrentValue;
        var issuer = o.Selfservice.Methods.Totp.Config.Issuer;
        return !string.IsNullOrWhiteSpace(issuer) ? issuer : new Uri(o.Serve.Public.EffectiveBaseUrl(o.Dev)).Host;
    }
}
