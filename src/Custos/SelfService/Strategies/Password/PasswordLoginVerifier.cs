using System.Text.Json.Nodes;
using Custos.Hashing;
using Custos.Hosting;
using Custos.Identity;

namespace Custos.SelfService.Strategies.Password;

/// <summary>
/// Checks an identifier + password. An unknown identifier costs the same as a wrong password: a hash made with
/// the configured hasher is verified anyway, so the answer and its timing do not reveal whether an account exists.
/// </summary>
internal sealed class PasswordLoginVerifier(
    IPrivilegedIdentityPool pool,
    PasswordHashComparer comparer,
    IPasswordHasher hasher,
    DecoyHash decoy,
    TimeProvider clock)
{
    /// <summary>The identity (with credentials) when the password matches, else null.</summary>
    public async Task<Identity.Identity?> VerifyAsync(string identifier, string password, CancellationToken ct)
    {
        var identity = await pool.FindByCredentialsIdentifierAsync(CredentialTypes.Password, IdentifierNormalizer.Normalize(identifier), ct)
            ?? await pool.FindByCredentialsIdentifierAsync(CredentialTypes.Password, identifier, ct);
        var hash = identity?.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Config["hashed_password"]?.GetValue<string>();
        if (identity is null || string.IsNullOrEmpty(hash) || password.Length > CredentialImporter.MaxPasswordLength)
        {
            await comparer.CompareAsync(password, await decoy.GetAsync(ct), ct);
            return null;
        }

        if (!await comparer.CompareAsync(password, hash, ct))
        {
            return null;
        }

        if (hasher.NeedsRehash(hash, password))
        {
            await RehashAsync(identity, password, ct);
        }

        return identity;
    }

    // Legacy or other-algorithm hashes are upgraded to the configured hasher after a successful login; failure only costs the upgrade.
    private async Task RehashAsync(Identity.Identity identity, string password, CancellationToken ct)
    {
        try
        {
            var credential = identity.Credentials[CredentialTypes.Password];
            credential.Config = new JsonObject { ["hashed_password"] = await hasher.GenerateAsync(password, ct) };
            credential.UpdatedAt = Clock.Now(clock);
            await pool.UpdateAsync(identity, ct);
        }
        catch (IdentityConflictException)
        {
        }
    }
}
