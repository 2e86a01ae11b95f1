using System.Text.Json.Nodes;
using Custos.Hashing;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Strategies.Password.Policy;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Password;

/// <summary>A new password for an identity in a settings flow: required, within the policy, not the current one.</summary>
internal sealed class PasswordChange(IPasswordHasher hasher, PasswordHashComparer comparer, PasswordPolicy policy, TimeProvider clock)
{
    /// <summary>
    /// Checks <paramref name="password"/> and, when it passes, hashes it into <paramref name="identity"/> in memory and
    /// returns null; otherwise returns the message for the <c>password</c> node and leaves the identity alone. Hashing
    /// is slow by design, so it runs before the caller's transaction.
    /// </summary>
    public async Task<UiText?> ApplyAsync(Identity.Identity identity, string? password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Messages.ErrorValidationRequired("password");
        }

        var identifier = identity.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Identifiers.FirstOrDefault() ?? "";
        if (await policy.ValidateAsync(identifier, password, ct) is { } violation)
        {
            return violation;
        }

        if (identity.Credentials.TryGetValue(CredentialTypes.Password, out var credential)
            && credential.Config["hashed_password"]?.GetValue<string>() is { Length: > 0 } old
            && await comparer.CompareAsync(password, old, ct))
        {
            return Messages.ErrorValidationPasswordNewSameAsOld();
        }

        var now = Clock.Now(clock);
        credential ??= identity.Credentials[CredentialTypes.Password] = new Credentials { Type = CredentialTypes.Password, CreatedAt = now };
        credential.Config = new JsonObject { ["hashed_password"] = await hasher.GenerateAsync(password, ct) };
        credential.UpdatedAt = now;
        return null;
    }
}
