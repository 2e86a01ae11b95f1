using Custos.SelfService.Flows.Submit;
using Custos.Sessions;

namespace Custos.SelfService.Flows.Settings;

/// <summary>
/// What a settings strategy works with besides the submission: the identity to change and the session changing it,
/// and the two answers the flow gives on a strategy's behalf (the form shown again, and "sign in again").
/// </summary>
internal sealed class SettingsContext(
    Identity.Identity identity,
    Session session,
    bool isPrivileged,
    Func<CancellationToken, Task> render,
    Func<FlowOutcome> refreshRequired)
{
    /// <summary>The flow's identity as stored, with its credentials. A strategy may change it in memory or a copy of it.</summary>
    public Identity.Identity Identity => identity;

    /// <summary>The session submitting the change.</summary>
    public Session Session => session;

    /// <summary>
    /// The session signed in within <c>selfservice.flows.settings.privileged_session_max_age</c>: only then may it
    /// change credentials, identifiers or addresses.
    /// </summary>
    public bool IsPrivileged => isPrivileged;

    /// <summary>
    /// Renders the whole form again from the stored identity (every enabled strategy's nodes, a new CSRF mask), as a
    /// rejected submission is shown; the rejecting strategy then adds its messages and the values to show again.
    /// </summary>
    public Task RenderAsync(CancellationToken ct) => render(ct);

    /// <summary>
    /// The answer to a change that needs a recent sign-in: browsers are sent to a refresh login that returns to this
    /// flow, JSON clients get 403 <c>session_refresh_required</c> with that URL. The stored flow is left as it was.
    /// </summary>
    public FlowOutcome RefreshRequired() => refreshRequired();
}
