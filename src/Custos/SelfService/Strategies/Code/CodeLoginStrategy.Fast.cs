using Custos.Identity;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// "Fast login" (strategies contract §1.4, §1.5): when a code is the only way forward there is nothing to choose, so
/// the code is sent at once, as Kratos's <c>FastLogin1FA</c> and <c>FastLogin2FA</c> do.
/// </summary>
internal sealed partial class CodeLoginStrategy
{
    public async Task<FlowOutcome?> FastSecondFactorAsync(LoginFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        if (flow.RequestedAal != "aal2" || !Config.MfaEnabled || flow.State != CodeFlowStates.ChooseMethod)
        {
            return null;
        }

        var fallback = Config.Config.MissingCredentialFallbackEnabled;
        var addresses = CodeAddressSelection.ForSecondFactor(identity, null, fallback);
        // One address and no other second factor: with a choice (another address, an app, backup codes) the person
        // picks, and nothing is sent unasked.
        if (addresses.Count != 1
            || (factors.Count(identity.Credentials, t => t == CredentialTypes.Code).MultiFactor == 0 && !fallback)
            || OtherFactors(identity).MultiFactor > 0)
        {
            return null;
        }

        var recipients = finder.SecondFactor(identity, addresses[0].Address);
        if (!recipients.Found)
        {
            return null;
        }

        await SendAsync(flow, recipients, addresses[0].Address, boundToSession: true, ct);
        // Kratos answers the flow's creation with the "code sent" flow: 200 to JSON clients, else the UI.
        return new FlowOutcome.Step(flow, StatusCodes.Status200OK);
    }

    public async Task<FlowOutcome?> FastFirstFactorAsync(LoginFlow flow, Identity.Identity identity, string identifier, CancellationToken ct)
    {
        // With enumeration mitigation a known identifier must look like an unknown one, so nothing is sent early.
        if (flow.RequestedAal != "aal1" || !Config.PasswordlessEnabled || flow.State != CodeFlowStates.ChooseMethod
            || options.CurrentValue.Security.AccountEnumeration.Mitigate || OtherFactors(identity).FirstFactor > 0)
        {
            return null;
        }

        var recipients = await finder.FirstFactorAsync(identifier, flow.Refresh ? identity.Id : null, ct);
        if (!recipients.Found || recipients.Identity!.Id != identity.Id)
        {
            return null;
        }

        await SendAsync(flow, recipients, identifier, boundToSession: flow.Refresh, ct);
        return new FlowOutcome.Step(flow, StatusCodes.Status400BadRequest);
    }

    private async Task SendAsync(LoginFlow flow, CodeRecipients recipients, string identifier, bool boundToSession, CancellationToken ct)
    {
        await codes.SendAsync(flow, recipients, ct);
        var masked = flow.IsBrowser && flow.CsrfToken.Length > 0 ? csrf.Mask(flow.CsrfToken) : null;
        CodeNodes.ApplyLoginSent(flow.Ui, identifier, boundToSession, masked);
    }

    // The factors of the other enabled login methods (Kratos counts only the strategies it has switched on).
    private Sessions.Assurance.FactorCount OtherFactors(Identity.Identity identity)
    {
        var enabled = forms.Enabled().Select(s => s.Method).ToHashSet(StringComparer.Ordinal);
        return factors.Count(identity.Credentials, t => t != CredentialTypes.Code && enabled.Contains(t));
    }
}
