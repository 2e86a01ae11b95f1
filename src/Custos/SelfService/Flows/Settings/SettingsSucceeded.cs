using Custos.Sessions;

namespace Custos.SelfService.Flows.Settings;

/// <summary>
/// A strategy accepted a change: <paramref name="Identity"/> is the identity as it is to be stored;
/// <paramref name="AddedMethod"/> is the entry a newly added factor writes to the session (TOTP linked, backup codes
/// confirmed: strategies contract §0.3), which also moves <c>authenticated_at</c> to now.
/// </summary>
internal sealed record SettingsSucceeded(Identity.Identity Identity, AuthenticationMethod? AddedMethod = null);
