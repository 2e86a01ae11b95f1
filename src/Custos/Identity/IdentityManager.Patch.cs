using System.Text.Json.Nodes;
using Custos.Hashing;
using Custos.Hosting;

namespace Custos.Identity;

internal sealed partial class IdentityManager
{
    // Kratos refuses patches of these paths (case-insensitive); OIDC/SAML links change only through their own flows.
    private static readonly string[] DeniedExact = ["/id", "/stateChangedAt", "/state_changed_at", "/credentials", "/credentials/oidc", "/credentials/saml"];
    private static readonly string[] DeniedPrefixes = ["/credentials/oidc/", "/credentials/saml/"];

    public async Task<Identity> PatchAsync(Guid id, JsonNode node, CancellationToken ct)
    {
        // As in Kratos, an unknown identity is a 404 before the patch is looked at.
        var identity = await pool.GetAsync(id, withCredentials: true, ct) ?? throw KratosErrors.RowNotFound();
        var before = IdentityAudit.Fields(identity);
        var patch = JsonPatchParser.Parse(node);
        var document = IdentityJson.Admin(identity, "", new HashSet<string>(identity.Credentials.Keys));
        var patched = BodyReader.Object(JsonPatch.Apply(document, patch, IsDenied), "The patched identity");
        var now = Clock.Now(clock);

        identity.SchemaId = NonEmpty(BodyReader.String(patched, "schema_id")) ?? identity.SchemaId;
        identity.Traits = patched["traits"] as JsonObject is { } traits ? traits.DeepClone() : throw KratosErrors.BadRequest("traits must be a JSON object");
        ChangeState(identity, State(BodyReader.String(patched, "state")) ?? identity.State, now);
        identity.MetadataPublic = patched["metadata_public"]?.DeepClone();
        identity.MetadataAdmin = patched["metadata_admin"]?.DeepClone();
        identity.ExternalId = NonEmpty(BodyReader.String(patched, "external_id"));
        identity.UpdatedAt = now;
        PatchCredentials(identity, patched["credentials"] as JsonObject, now);
        identity.VerifiableAddresses = PatchedVerifiableAddresses(patched, identity, now);

        await ValidateAsync(identity, ct);
        await SaveAsync(identity, before, ct);
        return identity;
    }

    private static bool IsDenied(string path) =>
        DeniedExact.Any(d => string.Equals(path.TrimEnd('/'), d, StringComparison.OrdinalIgnoreCase))
        || DeniedPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static void PatchCredentials(Identity identity, JsonObject? credentials, DateTime now)
    {
        foreach (var (type, node) in credentials ?? [])
        {
            if (type is CredentialTypes.Oidc or CredentialTypes.Saml)
            {
                continue;
            }

            var c = BodyReader.Object(node, $"credentials.{type}");
            if (BodyReader.String(c, "type") is { } declared && declared != type)
            {
                throw KratosErrors.BadRequest($"The credentials type \"{declared}\" does not match its key \"{type}\".");
            }

            var config = c["config"] as JsonObject ?? [];
            if (type == CredentialTypes.Password && BodyReader.String(config, "hashed_password") is { Length: > 0 } hash
                && HashFormat.CheckImportable(hash) is var problem && problem != HashImportProblem.None)
            {
                throw KratosErrors.BadRequest(problem == HashImportProblem.UnknownFormat ? HashFormat.UnknownFormatMessage : HashFormat.UnparsableMessage);
            }

            if (identity.Credentials.TryGetValue(type, out var existing))
            {
                if (existing.Config.ToJsonString() != config.ToJsonString())
                {
                    existing.Config = (JsonObject)config.DeepClone();
                    existing.UpdatedAt = now;
                }
            }
            else
            {
                identity.Credentials[type] = new Credentials { Type = type, Config = (JsonObject)config.DeepClone(), CreatedAt = now, UpdatedAt = now };
            }
        }

        foreach (var removed in identity.Credentials.Keys.Where(k => k is not (CredentialTypes.Oidc or CredentialTypes.Saml) && credentials?.ContainsKey(k) != true).ToList())
        {
            identity.Credentials.Remove(removed);
        }
    }

    // Patched address entries may change verification state; values are re-derived from traits afterwards.
    private static List<VerifiableAddress> PatchedVerifiableAddresses(JsonObject patched, Identity identity, DateTime now) =>
        (BodyReader.Array(patched, "verifiable_addresses") ?? []).Select(n =>
        {
            var a = BodyReader.Object(n, "verifiable_addresses[]");
            var existing = BodyReader.Uuid(a, "id") is { } id ? identity.VerifiableAddresses.FirstOrDefault(x => x.Id == id) : null;
            var verified = BodyReader.Bool(a, "verified") ?? false;
            var via = BodyReader.String(a, "via") ?? "email";
            return new VerifiableAddress
            {
                Id = existing?.Id ?? Guid.Empty,
                Value = BodyReader.String(a, "value") ?? "",
                Via = via,
                Verified = verified,
                Status = BodyReader.String(a, "status") ?? (verified ? VerifiableAddressStatus.Completed : VerifiableAddressStatus.Pending),
                VerifiedAt = verified ? BodyReader.Time(a, "verified_at") ?? existing?.VerifiedAt ?? now : null,
                CreatedAt = existing?.CreatedAt ?? now,
                UpdatedAt = existing is not null && existing.Verified == verified ? existing.UpdatedAt : now,
            };
        }).ToList();
}
