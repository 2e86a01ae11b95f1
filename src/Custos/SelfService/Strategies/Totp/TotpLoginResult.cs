using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Totp;

/// <summary>The outcome of a totp login submit and, for the failures, the form message (<c>ui.messages</c>).</summary>
internal sealed record TotpLoginResult(TotpLoginOutcome Outcome, UiText? Message = null)
{
    public bool Succeeded => Outcome == TotpLoginOutcome.Verified;
}
