using System.Text.Json.Nodes;
using Custos.Hashing;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Strategies.Password.Policy;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Password;

/// <summary>
/// Builds an identity from self-service traits and a password: schema validation (messages on the trait nodes), the
/// password policy and hashing. The registration flow stores it (<see cref="RegistrationIdentities.CreateAsync"/>).
/// </summary>
internal sealed class PasswordRegistrar(
    RegistrationIdentities identities,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    TimeProvider clock)
{
    /// <summary>The messages to show, keyed by node name ("" for the form).</summary>
    public sealed record Result(Identity.Identity? Identity, IReadOnlyList<(string Node, UiText Message)> Messages);

    /// <summary>
    /// Everything before the write: schema validation, the password policy and hashing (slow by design, so it runs
    /// before the caller opens its transaction). The identity returned is not stored yet.
    /// </summary>
    public async Task<Result> PrepareAsync(string schemaId, JsonNode traits, string? password, CancellationToken ct)
    {
        var now = Clock.Now(clock);
        var identity = new Identity.Identity { Id = Guid.NewGuid(), SchemaId = schemaId, Traits = traits, StateChangedAt = now, CreatedAt = now, UpdatedAt = now };
        if (await identities.ValidateAsync(identity, ct) is { Count: > 0 } invalid)
        {
            return new Result(null, invalid);
        }

        if (string.IsNullOrEmpty(password))
        {
            return new Result(null, [("password", Messages.ErrorValidationRequired("password"))]);
        }

        if (identity.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Identifiers.FirstOrDefault() is not { } identifier)
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

    /// <summary>Settings maps schema errors to nodes through here as well.</summary>
    public static string NodeName(string pointer) => RegistrationIdentities.NodeName(pointer);
}
