using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Ui;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Totp;

/// <summary>
/// The totp method of aal2 login flows (Kratos's <c>PopulateLoginMethod</c> and <c>updateLoginFlowWithTotpMethod</c>),
/// without the HTTP part: the caller checks the requested AAL, CSRF and <c>method</c>, and adds the AMR entry.
/// Beyond Kratos, a code is accepted only for a time step later than the last one accepted for the identity.
/// </summary>
internal sealed class TotpLogin(ITotpStepStore steps, IOptionsMonitor<CustosOptions> options, TimeProvider clock, ILogger<TotpLogin> logger)
{
    /// <summary>The login nodes, shown as Kratos does whenever a <c>totp</c> credential row exists (even an unusable one).</summary>
    public static IReadOnlyList<UiNode> Nodes(Identity.Identity identity) =>
        identity.Credentials.ContainsKey(CredentialTypes.Totp) ? TotpNodes.Login() : [];

    /// <summary>
    /// Checks <paramref name="code"/> against the identity's key and, when it matches, consumes its time step in one
    /// conditional write. A sealed key that none of <c>secrets.cipher</c> opens is a 403 in Kratos's envelope with
    /// Kratos's cipher message, never a 500 and never a silent "wrong code".
    /// </summary>
    public async Task<TotpLoginResult> VerifyAsync(Identity.Identity identity, string? code, CancellationToken ct)
    {
        if (!identity.Credentials.TryGetValue(CredentialTypes.Totp, out var credential))
        {
            return new TotpLoginResult(TotpLoginOutcome.NoDevice, Messages.ErrorValidationNoTOTPDevice());
        }

        var cipherSecrets = options.CurrentValue.Secrets.Cipher;
        if (TotpCredentialConfig.ReadUrl(identity.Id, credential.Config, cipherSecrets) is not { } url)
        {
            TotpLog.Undecipherable(logger, identity.Id, cipherSecrets.Count);
            throw Undecipherable(cipherSecrets.Count);
        }

        var now = Clock.Now(clock);
        if (TotpKeyUri.Secret(url) is not { } secret || TotpCode.MatchStep(secret, code, now) is not { } step)
        {
            return new TotpLoginResult(TotpLoginOutcome.InvalidCode, Messages.ErrorValidationTOTPVerifierWrong());
        }

        if (!await steps.TryUseAsync(identity.Id, step, now, ct))
        {
            TotpLog.Replayed(logger, identity.Id, step);
            return new TotpLoginResult(TotpLoginOutcome.Replayed, Messages.ErrorValidationTOTPVerifierWrong());
        }

        return new TotpLoginResult(TotpLoginOutcome.Verified);
    }

    /// <summary>Kratos's cipher errors: 403 "Unable to decipher the encrypted message." (its 500 for "no secrets" is a 403 here too).</summary>
    public static CustosException Undecipherable(int cipherSecretCount) => cipherSecretCount == 0
        ? KratosErrors.Forbidden("Unable to decipher the encrypted message because no secrets.cipher are configured.")
        : KratosErrors.Forbidden("Unable to decipher the encrypted message.");
}
