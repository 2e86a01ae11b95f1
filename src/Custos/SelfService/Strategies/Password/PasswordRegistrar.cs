using System.Text.Json.Nodes;
using Custos.Hashing;
using Custos.Hosting;
using Custos.Identity;
using Custos.Schema;
using Custos.SelfService.Strategies.Password.Policy;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Password;

/// <summary>
/// Creates an identity from self-service traits and a password: schema validation (messages on the trait nodes),
/// the password policy and hashing (<see cref="PrepareAsync"/>), then the insert whose unique index turns a duplicate
/// into 4000007 (<see cref="CreateAsync"/>).
/// </summary>
internal sealed class PasswordRegistrar(
    IPrivilegedIdentityPool pool,
    IdentityValidator validator,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptionsMonitor<Config.CustosOptions> options)
{
    /// <summary>The messages to show, keyed by node name ("" for the form).</summary>
    public sealed record Result(Identity.Identity? Identity, IReadOnlyList<(string Node, UiText Message)> Messages);

    public async Task<Result> ValidateTraitsAsync(Identity.Identity identity, CancellationToken ct)
    {
        try
        {
            await validator.ValidateAsync(identity, ct);
            return new Result(identity, []);
        }
        catch (IdentityValidationException e)
        {
            return new Result(null, e.Errors.Select(error => (NodeName(error.InstanceLocation), SchemaErrorMessages.ToUiText(error))).ToList());
        }
    }

    /// <summary>
    /// Everything before the write: schema validation, the password policy and hashing (slow by design, so it runs
    /// before the caller opens its transaction). The identity returned is not stored yet; see <see cref="CreateAsync"/>.
    /// </summary>
    public async Task<Result> PrepareAsync(string schemaId, JsonNode traits, string? password, CancellationToken ct)
    {
        var now = Clock.Now(clock);
        var identity = new Identity.Identity { Id = Guid.NewGuid(), SchemaId = schemaId, Traits = traits, StateChangedAt = now, CreatedAt = now, UpdatedAt = now };
        var validated = await ValidateTraitsAsync(identity, ct);
        if (validated.Identity is null)
        {
            return validated;
        }

        if (string.IsNullOrEmpty(password))
        {
            return new Result(null, [("password", Messages.ErrorValidationRequired("password"))]);
        }

        if (Identifier(identity) is not { } identifier)
        {
            return new Result(null, [("", Messages.ErrorValidationIdentifierMissing())]);
        }

        if (await policy.ValidateAsync(identifier, password, ct) is { } violation)
        {
            return new Result(null, [("password", violation)]);
        }

        identity.Credentials[CredentialTypes.Password].Config = new JsonObject { ["hashed_password"] = await hasher.GenerateAsync(password, ct) };
        identity.AvailableAal = "aal1";
        return new Result(identity, []);
    }

    /// <summary>Stores a prepared identity; a taken identifier throws <see cref="IdentityConflictException"/> (see <see cref="DuplicateMessageAsync"/>).</summary>
    public Task CreateAsync(Identity.Identity identity, CancellationToken ct) => pool.CreateAsync(identity, ct);

    /// <summary>The form message for a prepared identity whose identifier is taken (4000007, or 4000028 with login hints).</summary>
    public Task<UiText> DuplicateMessageAsync(Identity.Identity identity, CancellationToken ct) => DuplicateMessageAsync(Identifier(identity)!, ct);

    private static string? Identifier(Identity.Identity identity) =>
        identity.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Identifiers.FirstOrDefault();

    // With selfservice.flows.registration.login_hints, Kratos says how the existing account can sign in (4000028).
    private async Task<UiText> DuplicateMessageAsync(string identifier, CancellationToken ct)
    {
        if (!options.CurrentValue.Selfservice.Flows.Registration.LoginHints
            || await pool.FindByCredentialsIdentifierAsync(CredentialTypes.Password, identifier, ct) is not { } existing)
        {
            return Messages.ErrorValidationDuplicateCredentials();
        }

        var types = existing.Credentials.Values.Where(c => c.Config.Count > 0 && c.Type != CredentialTypes.Code).Select(c => c.Type).Order(StringComparer.Ordinal).ToList();
        var providers = (existing.Credentials.GetValueOrDefault(CredentialTypes.Oidc)?.Config["providers"] as JsonArray ?? [])
            .Select(p => p?["provider"]?.GetValue<string>()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return Messages.ErrorValidationDuplicateCredentialsWithHints(types, providers, identifier);
    }

    /// <summary><c>/traits/name/first</c> → <c>traits.name.first</c>; the root maps to the form ("").</summary>
    public static string NodeName(string pointer)
    {
        var trimmed = pointer.Trim('/');
        return trimmed.Length == 0 ? "" : trimmed.Replace('/', '.');
    }
}
