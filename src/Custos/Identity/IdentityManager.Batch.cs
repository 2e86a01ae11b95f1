using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Identity;

internal sealed partial class IdentityManager
{
    public const int MaxBatchPatches = 1000;
    public const int MaxBatchCleartextPasswords = 200;
    private static readonly string[] FirstFactors = [CredentialTypes.Password, CredentialTypes.Oidc, CredentialTypes.Saml, CredentialTypes.WebAuthn, CredentialTypes.Passkey, CredentialTypes.Code];

    /// <summary>
    /// <c>PATCH /admin/identities</c>: each create succeeds or fails on its own (Kratos answers 200 with per-item
    /// <c>action: error</c>); request-level problems (limits, malformed items) fail the whole request.
    /// </summary>
    public async Task<JsonObject> BatchAsync(JsonNode node, Func<Identity, JsonNode> describe, CancellationToken ct)
    {
        var body = BodyReader.Object(node, "The request body");
        BodyReader.RejectUnknown(body, new HashSet<string> { "identities" });
        var patches = BodyReader.Array(body, "identities") ?? [];
        if (patches.Count > MaxBatchPatches)
        {
            throw KratosErrors.BadRequest($"The maximum number of identity patches is {MaxBatchPatches}.");
        }

        var items = patches.Select(p => BodyReader.Object(p, "identities[]")).ToList();
        foreach (var item in items)
        {
            BodyReader.RejectUnknown(item, new HashSet<string> { "create", "patch_id" }, "identities[].");
            if (item["create"] is { } create)
            {
                BodyReader.Object(create, "identities[].create");
            }
        }

        if (items.Count(i => CredentialImporter.HasCleartextPassword(i["create"]?["credentials"] as JsonObject)) > MaxBatchCleartextPasswords)
        {
            throw KratosErrors.BadRequest($"At most {MaxBatchCleartextPasswords} identities with cleartext passwords can be created in one batch.");
        }

        var results = new JsonArray();
        foreach (var item in items)
        {
            var patchId = BodyReader.Uuid(item, "patch_id");
            var result = new JsonObject();
            try
            {
                var identity = await CreateAsync(item["create"] ?? throw KratosErrors.BadRequest("identities[].create is required"), "batch", ct);
                result["action"] = "create";
                result["identity"] = identity.Id.ToString("D");
            }
            catch (CustosException e) when (e.Code < 500)
            {
                result["action"] = "error";
                result["error"] = ErrorEnvelope.Build(e, null)["error"]!.DeepClone();
            }

            if (patchId is not null)
            {
                result["patch_id"] = patchId.Value.ToString("D");
            }

            results.Add(result);
        }

        return new JsonObject { ["identities"] = results };
    }

    /// <summary><c>DELETE /admin/identities/{id}/credentials/{type}</c> with Kratos's per-type rules.</summary>
    public async Task DeleteCredentialAsync(Guid id, string type, string? identifier, CancellationToken ct)
    {
        if (!CredentialTypes.All.Contains(type))
        {
            throw KratosErrors.BadRequest($"Credentials type {type} is not supported.");
        }

        var identity = await pool.GetAsync(id, withCredentials: true, ct) ?? throw KratosErrors.RowNotFound();
        if (!identity.Credentials.TryGetValue(type, out var credential))
        {
            throw KratosErrors.NotFound($"You tried to remove a {type} but this user have no {type} set up.");
        }

        switch (type)
        {
            case CredentialTypes.Totp or CredentialTypes.LookupSecret:
                identity.Credentials.Remove(type);
                break;
            case CredentialTypes.WebAuthn:
                RemoveMfaKeys(identity, credential);
                break;
            case CredentialTypes.Password:
                RequireAnotherFirstFactor(identity, type);
                credential.Config = [];
                break;
            case CredentialTypes.Oidc or CredentialTypes.Saml:
                RequireAnotherFirstFactor(identity, type);
                RemoveProvider(identity, credential, identifier);
                break;
            default:
                throw KratosErrors.BadRequest($"Credentials type {type} cannot be deleted.");
        }

        identity.UpdatedAt = Clock.Now(clock);
        identity.AvailableAal = AvailableAal(identity);
        await WriteAsync(() => audit.RunAsync(async c =>
        {
            await pool.UpdateAsync(identity, c);
            await audit.CredentialRemovedAsync(identity.Id, type, c);
        }, ct));
    }

    private static void RemoveMfaKeys(Identity identity, Credentials credential)
    {
        var kept = (credential.Config["credentials"] as JsonArray ?? []).Where(c => c?["is_passwordless"]?.GetValue<bool>() == true).Select(c => c!.DeepClone()).ToArray();
        if (kept.Length == 0)
        {
            identity.Credentials.Remove(credential.Type);
            return;
        }

        credential.Config["credentials"] = new JsonArray(kept);
    }

    private static void RemoveProvider(Identity identity, Credentials credential, string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            throw KratosErrors.BadRequest($"The identifier query parameter is required to delete {credential.Type} credentials.");
        }

        var providers = credential.Config["providers"] as JsonArray ?? [];
        var match = providers.FirstOrDefault(p => $"{p?["provider"]}:{p?["subject"]}" == identifier)
            ?? throw KratosErrors.NotFound($"The {credential.Type} credential with identifier \"{identifier}\" was not found.");
        providers.Remove(match);
        credential.Identifiers.Remove(identifier);
        if (providers.Count == 0)
        {
            identity.Credentials.Remove(credential.Type);
        }
    }

    private static void RequireAnotherFirstFactor(Identity identity, string removing)
    {
        var usable = FirstFactors.Count(t => identity.Credentials.TryGetValue(t, out var c) && c.Config.Count > 0 && c.Config.ToJsonString() != "{\"addresses\":[]}");
        var removingUsable = identity.Credentials.TryGetValue(removing, out var r) && r.Config.Count > 0;
        if (usable - (removingUsable ? 1 : 0) < 1)
        {
            throw KratosErrors.BadRequest("You cannot remove the last first factor credential.");
        }
    }
}
