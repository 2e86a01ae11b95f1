using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Totp;

/// <summary>The outcome of a totp settings submit and, for the failures, the message and the node it belongs on (null: the form).</summary>
internal sealed record TotpSettingsResult(TotpSettingsOutcome Outcome, UiText? Message = null, string? MessageNode = null)
{
    public bool Succeeded => Outcome is TotpSettingsOutcome.Linked or TotpSettingsOutcome.Unlinked or TotpSettingsOutcome.Unchanged;
}
