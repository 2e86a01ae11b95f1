using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Flows.Login;

/// <summary>
/// A credential waiting in a login flow to be added to whoever proves the account it collided with (social sign-in's
/// account linking, strategies contract §5.8). The login service asks it inside the login's transaction: before the
/// login completes, whether the signed-in identity owns the account (4010009 otherwise), and once the session meets
/// the required AAL, to link.
/// </summary>
internal interface ILoginLinker
{
    /// <summary>Whether <paramref name="flow"/> carries a credential to link.</summary>
    bool HasPending(LoginFlow flow);

    /// <summary>The refusal when <paramref name="identity"/> does not own the identifier the credential collided with; null to go on.</summary>
    UiText? CheckOwner(LoginFlow flow, Identity.Identity identity);

    /// <summary>Copies the waiting credential from <paramref name="from"/> into <paramref name="to"/> (the second factor's flow).</summary>
    void CarryOver(LoginFlow from, LoginFlow to);

    /// <summary>Adds the waiting credential to <paramref name="identity"/>; the session entry it earns, or null when nothing was waiting.</summary>
    Task<AuthenticationMethod?> LinkAsync(LoginFlow flow, Identity.Identity identity, CancellationToken ct);
}
