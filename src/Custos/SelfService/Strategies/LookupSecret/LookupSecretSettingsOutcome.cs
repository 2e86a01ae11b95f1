using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>
/// What a lookup-secret settings button did. <see cref="AddedMethod"/> (confirm only) is the AMR entry to append to
/// the current session, which also sets its <c>authenticated_at</c> to now.
/// </summary>
internal sealed record LookupSecretSettingsOutcome(LookupSecretSettingsResult Result, UiText? Error = null, AuthenticationMethod? AddedMethod = null)
{
    public static LookupSecretSettingsOutcome ShowFlow { get; } = new(LookupSecretSettingsResult.ShowFlow);

    public static LookupSecretSettingsOutcome Fail(UiText error) => new(LookupSecretSettingsResult.Failed, error);
}
