using System.Text.Json.Nodes;
using Custos.Hashing;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Strategies.Password;
using Custos.SelfService.Strategies.Password.Policy;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows.Settings;

/// <summary>Applies a settings change to the identity: new traits (re-validated) or a new password (policy, not the old one).</summary>
internal sealed class SettingsUpdater(
    IPrivilegedIdentityPool pool,
    IdentityValidator validator,
    IPasswordHasher hasher,
    PasswordHashComparer comparer,
    PasswordPolicy policy,
    TimeProvider clock)
{
    /// <summary>Messages keyed by node name; empty (and <c>Saved</c>) when the change can be written.</summary>
    public sealed record Outcome(IReadOnlyList<(string Node, UiText Message)> Messages, bool Saved);

    /// <summary>Whether new traits would change identifiers or addresses (those changes need a privileged session).</summary>
    public async Task<(Identity.Identity Candidate, Outcome? Invalid, bool TouchesCredentials)> PrepareTraitsAsync(Identity.Identity current, JsonObject traits, CancellationToken ct)
    {
        var candidate = Copy(current);
        candidate.Traits = traits.DeepClone();
        try
        {
            await validator.ValidateAsync(candidate, ct);
        }
        catch (IdentityValidationException e)
        {
            return (candidate, new Outcome(e.Errors.Select(x => (PasswordRegistrar.NodeName(x.InstanceLocation), Schema.SchemaErrorMessages.ToUiText(x))).ToList(), false), false);
        }

        var touches = Fingerprint(current) != Fingerprint(candidate);
        return (candidate, null, touches);
    }

    /// <summary>
    /// Checks a new password (required, the policy, not the current one) and, when it passes, hashes it into
    /// <paramref name="identity"/> in memory. Hashing is slow by design, so it runs before the caller's transaction;
    /// <see cref="SaveAsync"/> writes the result.
    /// </summary>
    public async Task<Outcome> PreparePasswordAsync(Identity.Identity identity, string? password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password))
        {
            return new Outcome([("password", Messages.ErrorValidationRequired("password"))], false);
        }

        var identifier = identity.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Identifiers.FirstOrDefault() ?? "";
        if (await policy.ValidateAsync(identifier, password, ct) is { } violation)
        {
            return new Outcome([("password", violation)], false);
        }

        var now = Clock.Now(clock);
        if (identity.Credentials.TryGetValue(CredentialTypes.Password, out var credential)
            && credential.Config["hashed_password"]?.GetValue<string>() is { Length: > 0 } old
            && await comparer.CompareAsync(password, old, ct))
        {
            return new Outcome([("password", Messages.ErrorValidationPasswordNewSameAsOld())], false);
        }

        credential ??= identity.Credentials[CredentialTypes.Password] = new Credentials { Type = CredentialTypes.Password, CreatedAt = now };
        credential.Config = new JsonObject { ["hashed_password"] = await hasher.GenerateAsync(password, ct) };
        credential.UpdatedAt = now;
        return new Outcome([], true);
    }

    /// <summary>Writes the changed identity; an identifier another identity has throws <see cref="IdentityConflictException"/>.</summary>
    public Task SaveAsync(Identity.Identity identity, CancellationToken ct)
    {
        identity.UpdatedAt = Clock.Now(clock);
        return pool.UpdateAsync(identity, ct);
    }

    private static string Fingerprint(Identity.Identity i) => string.Join("|",
        i.Credentials.Values.OrderBy(c => c.Type, StringComparer.Ordinal).Select(c => c.Type + ":" + string.Join(",", c.Identifiers.Order(StringComparer.Ordinal))))
        + "|" + string.Join(",", i.VerifiableAddresses.Select(a => a.Via + ":" + a.Value).Order(StringComparer.Ordinal))
        + "|" + string.Join(",", i.RecoveryAddresses.Select(a => a.Via + ":" + a.Value).Order(StringComparer.Ordinal));

    private static Identity.Identity Copy(Identity.Identity i)
    {
        var copy = new Identity.Identity
        {
            Id = i.Id, SchemaId = i.SchemaId, Traits = i.Traits.DeepClone(), State = i.State, StateChangedAt = i.StateChangedAt,
            MetadataPublic = i.MetadataPublic?.DeepClone(), MetadataAdmin = i.MetadataAdmin?.DeepClone(), ExternalId = i.ExternalId,
            OrganizationId = i.OrganizationId, AvailableAal = i.AvailableAal, CreatedAt = i.CreatedAt, UpdatedAt = i.UpdatedAt,
            VerifiableAddresses = [.. i.VerifiableAddresses], RecoveryAddresses = [.. i.RecoveryAddresses],
        };
        foreach (var (type, c) in i.Credentials)
        {
            copy.Credentials[type] = new Credentials { Id = c.Id, Type = c.Type, Identifiers = [.. c.Identifiers], Config = (JsonObject)c.Config.DeepClone(), Version = c.Version, CreatedAt = c.CreatedAt, UpdatedAt = c.UpdatedAt };
        }

        return copy;
    }
}
