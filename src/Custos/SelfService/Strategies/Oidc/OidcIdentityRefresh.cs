using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// <c>update_identity_on_login: automatic</c> (strategies contract §5.5): every sign-in runs the mapper again with the
/// stored identity as <c>std.extVar('identity')</c>; its traits override the stored ones key by key (keys it does not
/// name are kept), metadata is replaced only when the output has the key, addresses keep their verification state,
/// and the identity is saved only when something changed.
/// </summary>
internal sealed class OidcIdentityRefresh(IOidcClaimsMapper mapper, RegistrationIdentities validation, IPrivilegedIdentityPool identities, TimeProvider clock)
{
    /// <summary>The messages that stop the sign-in (the mapper failed, or its traits do not validate), or none.</summary>
    public async Task<IReadOnlyList<UiText>> RefreshAsync(Identity.Identity identity, OidcCallback callback, CancellationToken ct)
    {
        var stored = new JsonObject
        {
            ["traits"] = identity.Traits.DeepClone(),
            ["metadata_public"] = identity.MetadataPublic?.DeepClone() ?? new JsonObject(),
            ["metadata_admin"] = identity.MetadataAdmin?.DeepClone() ?? new JsonObject(),
        };
        OidcMappedIdentity mapped;
        try
        {
            mapped = await mapper.MapAsync(callback.Provider.Config, callback.Claims.ToJson(), stored, ct);
        }
        catch (OidcMapperException e)
        {
            return [Messages.ErrorValidationGeneric(e.Message)];
        }

        var before = Snapshot(identity);
        var traits = identity.Traits.DeepClone() as JsonObject ?? [];
        foreach (var (key, value) in mapped.Traits)
        {
            traits[key] = value?.DeepClone();
        }

        identity.Traits = traits;
        identity.MetadataPublic = mapped.MetadataPublic?.DeepClone() ?? identity.MetadataPublic;
        identity.MetadataAdmin = mapped.MetadataAdmin?.DeepClone() ?? identity.MetadataAdmin;
        if (await validation.ValidateAsync(identity, ct) is { Count: > 0 } invalid)
        {
            return invalid.Select(i => i.Message).ToList();
        }

        var now = Clock.Now(clock);
        foreach (var address in identity.VerifiableAddresses.Where(a => !a.Verified))
        {
            if (mapped.VerifiedAddresses.Any(v => v.Via == address.Via && v.Value == address.Value))
            {
                address.MarkVerified(now);
            }
        }

        if (Snapshot(identity) != before)
        {
            identity.UpdatedAt = now;
            await identities.UpdateAsync(identity, ct);
        }

        return [];
    }

    private static string Snapshot(Identity.Identity i) => string.Join('\n',
        i.Traits.ToJsonString(), i.MetadataPublic?.ToJsonString(), i.MetadataAdmin?.ToJsonString(),
        string.Join(',', i.VerifiableAddresses.Select(a => $"{a.Via}:{a.Value}:{a.Status}")),
        string.Join(',', i.RecoveryAddresses.Select(a => $"{a.Via}:{a.Value}")));
}
