using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Schema;
using Custos.Schema.Validation;

namespace Custos.Identity;

/// <summary>
/// Validates traits against the identity's schema and runs the <c>ory.sh/kratos</c> extension: it derives the
/// password/webauthn/code identifiers and the verifiable and recovery addresses from the traits, replacing what
/// was derived before. Kept addresses retain their id and verification state.
/// </summary>
internal sealed class IdentityValidator(IdentitySchemaProvider schemas, TimeProvider clock)
{
    private const string Extension = "ory.sh/kratos";
    private static readonly string[] IdentifierTypes = [CredentialTypes.Password, CredentialTypes.WebAuthn, CredentialTypes.Code];

    public async Task ValidateAsync(Identity identity, CancellationToken ct)
    {
        // An unknown schema id in a request body is the client's mistake (400), unlike GET /schemas/{id} (404).
        var schema = await schemas.FindAsync(identity.SchemaId, ct)
            ?? throw KratosErrors.BadRequest($"Unable to find JSON Schema ID: {identity.SchemaId}");
        using var document = JsonDocument.Parse(new JsonObject { ["traits"] = identity.Traits.DeepClone() }.ToJsonString());
        var result = schema.Compiled.Validate(document.RootElement, [Extension]);
        var errors = result.Errors.ToList();
        var derived = Derive(result.Annotations, errors);
        if (errors.Count > 0)
        {
            throw new IdentityValidationException(errors);
        }

        Apply(identity, derived, Clock.Now(clock));
    }

    private sealed record Derived(Dictionary<string, List<string>> Identifiers, List<(string Via, string Value)> Verifiable, List<(string Via, string Value)> Recovery, CodeAddressCollector Code);

    private static Derived Derive(IReadOnlyList<KeywordAnnotation> annotations, List<SchemaError> errors)
    {
        var derived = new Derived(new Dictionary<string, List<string>>(StringComparer.Ordinal), [], [], new CodeAddressCollector());
        foreach (var a in annotations.Where(a => a.Keyword == Extension && a.KeywordValue.ValueKind == JsonValueKind.Object))
        {
            if (a.Instance.ValueKind != JsonValueKind.String || a.Instance.GetString() is not { Length: > 0 } raw)
            {
                continue;
            }

            var value = IdentifierNormalizer.Normalize(raw);
            if (a.KeywordValue.TryGetProperty("credentials", out var credentials) && credentials.ValueKind == JsonValueKind.Object)
            {
                foreach (var type in IdentifierTypes)
                {
                    if (!credentials.TryGetProperty(type, out var c) || c.ValueKind != JsonValueKind.Object
                        || !c.TryGetProperty("identifier", out var flag) || flag.ValueKind != JsonValueKind.True)
                    {
                        continue;
                    }

                    if (type == CredentialTypes.Code)
                    {
                        if (derived.Code.Add(a, c, raw) is { } error)
                        {
                            errors.Add(error);
                        }
                    }
                    else
                    {
                        Add(derived.Identifiers, type, value);
                    }
                }
            }

            AddAddress(a, "verification", raw, derived.Verifiable, errors);
            AddAddress(a, "recovery", raw, derived.Recovery, errors);
        }

        return derived;
    }

    private static void AddAddress(KeywordAnnotation a, string key, string raw, List<(string, string)> target, List<SchemaError> errors)
    {
        if (!a.KeywordValue.TryGetProperty(key, out var config) || config.ValueKind != JsonValueKind.Object
            || !config.TryGetProperty("via", out var viaElement) || viaElement.GetString() is not { } via)
        {
            return;
        }

        if (via == "sms" && IdentifierNormalizer.NormalizePhone(raw) is null)
        {
            errors.Add(new SchemaError(a.InstanceLocation, $"/{Extension}/{key}/via", "format", $"\"{raw}\" is not valid \"tel\"",
                new Dictionary<string, object?> { ["format"] = "tel", ["value"] = raw }));
            return;
        }

        var value = IdentifierNormalizer.NormalizeAddress(via, raw);
        if (!target.Contains((via, value)))
        {
            target.Add((via, value));
        }
    }

    private static void Apply(Identity identity, Derived derived, DateTime now)
    {
        if (derived.Code.Any)
        {
            derived.Identifiers[CredentialTypes.Code] = [.. derived.Code.Identifiers];
        }

        foreach (var type in IdentifierTypes)
        {
            derived.Identifiers.TryGetValue(type, out var identifiers);
            if (identity.Credentials.TryGetValue(type, out var existing))
            {
                existing.Identifiers = identifiers ?? [];
            }
            else if (identifiers is not null)
            {
                identity.Credentials[type] = new Credentials { Type = type, Identifiers = identifiers, CreatedAt = now, UpdatedAt = now };
            }
        }

        // The code credential is always rebuilt from the traits (version 1); a legacy v0 config is replaced with it.
        if (identity.Credentials.TryGetValue(CredentialTypes.Code, out var code))
        {
            code.Config = derived.Code.Config();
            code.Version = 1;
        }

        identity.VerifiableAddresses = derived.Verifiable.Select(d =>
            identity.VerifiableAddresses.FirstOrDefault(e => e.Via == d.Via && IdentifierNormalizer.NormalizeAddress(e.Via, e.Value) == d.Value) is { } kept
                ? Keep(kept, d.Value)
                : new VerifiableAddress { Value = d.Value, Via = d.Via, CreatedAt = now, UpdatedAt = now }).ToList();
        identity.RecoveryAddresses = derived.Recovery.Select(d =>
            identity.RecoveryAddresses.FirstOrDefault(e => e.Via == d.Via && IdentifierNormalizer.NormalizeAddress(e.Via, e.Value) == d.Value) is { } kept
                ? KeepRecovery(kept, d.Value)
                : new RecoveryAddress { Value = d.Value, Via = d.Via, CreatedAt = now, UpdatedAt = now }).ToList();
    }

    private static VerifiableAddress Keep(VerifiableAddress address, string value)
    {
        address.Value = value;
        return address;
    }

    private static RecoveryAddress KeepRecovery(RecoveryAddress address, string value)
    {
        address.Value = value;
        return address;
    }

    private static void Add(Dictionary<string, List<string>> map, string type, string value)
    {
        if (!map.TryGetValue(type, out var list))
        {
            map[type] = list = [];
        }

        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
