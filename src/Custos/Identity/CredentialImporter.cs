using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hashing;
using Custos.Hosting;
using Microsoft.Extensions.Options;
using Custos.SelfService.Strategies.LookupSecret;

namespace Custos.Identity;

/// <summary>
/// Imports the <c>credentials</c> object of admin create/update bodies with Kratos's merge rules: password
/// replaced, OIDC/SAML providers appended, TOTP replaced, lookup codes appended (stored as MACs only, see
/// <see cref="LookupCodeHasher"/>), WebAuthn/passkey merged by id.
/// </summary>
internal sealed class CredentialImporter(IPasswordHasher hasher, LookupCodeHasher lookupHasher, TimeProvider clock, IOptionsMonitor<CustosOptions> options)
{
    private static readonly HashSet<string> Types = [CredentialTypes.Password, CredentialTypes.Oidc, CredentialTypes.Saml, CredentialTypes.Totp, CredentialTypes.LookupSecret, CredentialTypes.WebAuthn, CredentialTypes.Passkey];
    private static readonly HashSet<string> ConfigOnly = ["config"];
    public const int MaxPasswordLength = 4096;

    /// <summary>True when the body imports a cleartext password (batch requests limit how many).</summary>
    public static bool HasCleartextPassword(JsonObject? credentials) =>
        credentials?["password"]?["config"]?["password"] is not null;

    public async Task ImportAsync(Identity identity, JsonObject credentials, CancellationToken ct)
    {
        BodyReader.RejectUnknown(credentials, Types, "credentials.");
        var now = Clock.Now(clock);
        foreach (var (type, node) in credentials)
        {
            var wrapper = BodyReader.Object(node, $"credentials.{type}");
            BodyReader.RejectUnknown(wrapper, ConfigOnly, $"credentials.{type}.");
            var config = wrapper["config"] as JsonObject ?? [];
            var credential = identity.Credentials.TryGetValue(type, out var existing)
                ? existing
                : new Credentials { Type = type, CreatedAt = now, UpdatedAt = now };
            credential.UpdatedAt = now;
            switch (type)
            {
                case CredentialTypes.Password:
                    credential.Config = await PasswordConfigAsync(config, ct);
                    break;
                case CredentialTypes.Oidc or CredentialTypes.Saml:
                    ImportProviders(credential, config, type);
                    break;
                case CredentialTypes.Totp:
                    // Identified by the identity id, as Kratos's persister fills in for imports (ory/kratos#4561).
                    var url = BodyReader.String(config, TotpCredentialConfig.UrlKey, "credentials.totp.config.") ?? "";
                    credential.Config = TotpCredentialConfig.Create(identity.Id, url, options.CurrentValue.Secrets.Cipher);
                    credential.Identifiers = [identity.Id.ToString("D")];
                    break;
                case CredentialTypes.LookupSecret:
                    ImportLookupCodes(identity.Id, credential, config);
                    break;
                default:
                    ImportWebAuthn(credential, config, type);
                    break;
            }

            identity.Credentials[type] = credential;
        }
    }

    private async Task<JsonObject> PasswordConfigAsync(JsonObject config, CancellationToken ct)
    {
        BodyReader.RejectUnknown(config, new HashSet<string> { "hashed_password", "password", "use_password_migration_hook" }, "credentials.password.config.");
        var hashed = BodyReader.String(config, "hashed_password", "credentials.password.config.");
        var cleartext = BodyReader.String(config, "password", "credentials.password.config.");
        if (!string.IsNullOrEmpty(hashed))
        {
            var problem = HashFormat.CheckImportable(hashed);
            return problem switch
            {
                HashImportProblem.None => new JsonObject { ["hashed_password"] = hashed },
                HashImportProblem.UnknownFormat => throw KratosErrors.BadRequest(HashFormat.UnknownFormatMessage),
                HashImportProblem.Unparsable => throw KratosErrors.BadRequest(HashFormat.UnparsableMessage),
                _ => throw KratosErrors.BadRequest(HashFormat.ExceedsBoundsMessage),
            };
        }

        if (!string.IsNullOrEmpty(cleartext))
        {
            if (cleartext.Length > MaxPasswordLength)
            {
                throw KratosErrors.BadRequest($"The password must not be longer than {MaxPasswordLength} characters.");
            }

            return new JsonObject { ["hashed_password"] = await hasher.GenerateAsync(cleartext, ct) };
        }

        return BodyReader.Bool(config, "use_password_migration_hook", "credentials.password.config.") == true
            ? new JsonObject { ["use_password_migration_hook"] = true }
            : [];
    }

    private static void ImportProviders(Credentials credential, JsonObject config, string type)
    {
        var providers = credential.Config["providers"] as JsonArray ?? [];
        foreach (var p in BodyReader.Array(config, "providers", $"credentials.{type}.config.") ?? [])
        {
            var provider = BodyReader.Object(p, $"credentials.{type}.config.providers[]");
            var id = BodyReader.String(provider, "provider") ?? throw KratosErrors.BadRequest($"credentials.{type}.config.providers[].provider is required");
            var subject = BodyReader.String(provider, "subject") ?? throw KratosErrors.BadRequest($"credentials.{type}.config.providers[].subject is required");
            var entry = new JsonObject
            {
                ["subject"] = subject,
                ["provider"] = id,
                ["initial_id_token"] = "",
                ["initial_access_token"] = "",
                ["initial_refresh_token"] = "",
            };
            if (BodyReader.String(provider, "organization") is { Length: > 0 } org)
            {
                entry["organization"] = org;
            }

            if (BodyReader.Bool(provider, "use_auto_link") == true)
            {
                entry["use_auto_link"] = true;
            }

            providers.Add(entry);
            var identifier = $"{id}:{subject}";
            if (!credential.Identifiers.Contains(identifier))
            {
                credential.Identifiers.Add(identifier);
            }
        }

        credential.Config = new JsonObject { ["providers"] = providers.DeepClone() };
    }

    private void ImportLookupCodes(Guid identityId, Credentials credential, JsonObject config)
    {
        var codes = credential.Config["recovery_codes"] as JsonArray ?? [];
        foreach (var c in BodyReader.Array(config, "codes", "credentials.lookup_secret.config.") ?? [])
        {
            var code = BodyReader.Object(c, "credentials.lookup_secret.config.codes[]");
            var entry = new JsonObject
            {
                [LookupSecretCredential.HmacField] = lookupHasher.Hash(identityId, BodyReader.String(code, "code") ?? ""),
                [LookupSecretCredential.UsedAtField] = null,
            };
            if (BodyReader.Time(code, "used_at") is { } used)
            {
                entry["used_at"] = KratosTime.Format(used);
            }

            codes.Add(entry);
        }

        credential.Config = new JsonObject { ["recovery_codes"] = codes.DeepClone() };
    }

    private static void ImportWebAuthn(Credentials credential, JsonObject config, string type)
    {
        var merged = (credential.Config["credentials"] as JsonArray)?.Select(n => n!.DeepClone()).ToList() ?? [];
        var incoming = BodyReader.Array(config, "credentials", $"credentials.{type}.config.") ?? [];
        foreach (var c in incoming)
        {
            var item = BodyReader.Object(c, $"credentials.{type}.config.credentials[]");
            var id = item["id"]?.ToJsonString();
            merged.RemoveAll(m => m!["id"]?.ToJsonString() == id);
            merged.Add(item.DeepClone());
        }

        var userHandle = config["user_handle"]?.DeepClone() ?? credential.Config["user_handle"]?.DeepClone();
        if (type == CredentialTypes.Passkey)
        {
            if (userHandle is null || merged.Count == 0)
            {
                throw KratosErrors.BadRequest("credentials.passkey.config needs a user_handle and at least one credential");
            }

            // Kratos's identifier is the handle's bytes as text (a passkey login looks the returned handle up as such).
            var handle = PasskeyIdentifier(userHandle);
            if (!credential.Identifiers.Contains(handle))
            {
                credential.Identifiers.Add(handle);
            }
        }

        credential.Config = new JsonObject { ["credentials"] = new JsonArray(merged.ToArray()) };
        if (userHandle is not null)
        {
            credential.Config["user_handle"] = userHandle;
        }
    }

    private static string PasskeyIdentifier(JsonNode userHandle)
    {
        if (userHandle.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            throw KratosErrors.BadRequest("credentials.passkey.config.user_handle must be a base64 string");
        }

        try
        {
            var bytes = Convert.FromBase64String(userHandle.GetValue<string>());
            return bytes.Length > 0
                ? System.Text.Encoding.UTF8.GetString(bytes)
                : throw KratosErrors.BadRequest("credentials.passkey.config needs a user_handle and at least one credential");
        }
        catch (FormatException)
        {
            throw KratosErrors.BadRequest("credentials.passkey.config.user_handle must be a base64 string");
        }
    }
}
