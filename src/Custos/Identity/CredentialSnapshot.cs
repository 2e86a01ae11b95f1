using System.Text.Json.Nodes;

namespace Custos.Identity;

/// <summary>
/// The sign-in credentials of an identity at one moment, reduced to what the audit log compares: per type, how many
/// keys or linked providers it holds and a fingerprint of its config. Identifiers are left out on purpose: a changed
/// e-mail trait renames the password's identifier, which is a profile change, not a new credential.
/// </summary>
internal sealed class CredentialSnapshot
{
    // code is derived from the traits (its addresses follow them), so it is never a credential a person adds.
    private static readonly string[] Tracked =
        [CredentialTypes.Password, CredentialTypes.Totp, CredentialTypes.LookupSecret, CredentialTypes.WebAuthn, CredentialTypes.Passkey, CredentialTypes.Oidc, CredentialTypes.Saml];

    private readonly Dictionary<string, (int Items, string Config)> _state;

    private CredentialSnapshot(Dictionary<string, (int Items, string Config)> state) => _state = state;

    public static CredentialSnapshot Of(Identity identity) =>
        new(Tracked.ToDictionary(t => t, t => identity.Credentials.TryGetValue(t, out var c) ? (Items(c), c.Config.ToJsonString()) : (0, "")));

    /// <summary>
    /// The credential types gained and lost on the way to <paramref name="after"/>. A type with as many items but a new
    /// config (a changed password, regenerated backup codes, a re-linked app) counts as added.
    /// </summary>
    public (IReadOnlyList<string> Added, IReadOnlyList<string> Removed) ChangesTo(CredentialSnapshot after)
    {
        var added = new List<string>();
        var removed = new List<string>();
        foreach (var type in Tracked)
        {
            var (was, now) = (_state[type], after._state[type]);
            if (now.Items > was.Items || (now.Items > 0 && now.Items == was.Items && now.Config != was.Config))
            {
                added.Add(type);
            }
            else if (now.Items < was.Items)
            {
                removed.Add(type);
            }
        }

        return (added, removed);
    }

    private static int Items(Credentials credential) => credential.Type switch
    {
        CredentialTypes.WebAuthn or CredentialTypes.Passkey => (credential.Config["credentials"] as JsonArray)?.Count ?? 0,
        CredentialTypes.Oidc or CredentialTypes.Saml => (credential.Config["providers"] as JsonArray)?.Count ?? 0,
        _ => credential.Config.Count > 0 ? 1 : 0,
    };
}
