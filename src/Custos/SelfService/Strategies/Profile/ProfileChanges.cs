using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.SelfService.Strategies.Password;

namespace Custos.SelfService.Strategies.Profile;

/// <summary>Applies submitted traits to a copy of an identity, validated as the identity will be stored.</summary>
internal sealed class ProfileChanges(IdentityValidator validator)
{
    public async Task<ProfileChange> PrepareAsync(Identity.Identity current, JsonObject traits, CancellationToken ct)
    {
        var candidate = Copy(current);
        candidate.Traits = traits.DeepClone();
        try
        {
            await validator.ValidateAsync(candidate, ct);
        }
        catch (IdentityValidationException e)
        {
            return new ProfileChange(candidate, e.Errors.Select(x => (PasswordRegistrar.NodeName(x.InstanceLocation), Schema.SchemaErrorMessages.ToUiText(x))).ToList(), false);
        }

        return new ProfileChange(candidate, [], Fingerprint(current) != Fingerprint(candidate));
    }

    // The identifiers and addresses that the validator derives from the traits: what a privileged session guards.
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
