using Custos.Identity;
using Custos.Schema;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>What the <c>webauthn</c> method asks of the identity schema: the identifier label, and the identifier trait a key needs.</summary>
internal sealed class WebAuthnAccounts(RegistrationIdentities registrations, IdentitySchemaProvider schemas)
{
    /// <summary>The label of the <c>identifier</c> field of a passwordless login form (1070004 or the trait's title).</summary>
    public Task<UiText> IdentifierLabelAsync(string? schemaId, CancellationToken ct) =>
        LoginIdentifierLabel.ForAsync(schemas, schemaId ?? schemas.DefaultSchemaId, ct);

    /// <summary>Validates <paramref name="identity"/>'s traits, deriving its identifiers; the messages to show, or none.</summary>
    public Task<IReadOnlyList<(string Node, UiText Message)>> ValidateAsync(Identity.Identity identity, CancellationToken ct) =>
        registrations.ValidateAsync(identity, ct);

    /// <summary>
    /// Whether the traits yield a <c>webauthn</c> identifier (a trait marked <c>credentials.webauthn.identifier</c>):
    /// Kratos refuses a key without one with 4000009, in both modes, since a passwordless login finds the person by it.
    /// The check runs on a copy, so the identity being changed keeps its state.
    /// </summary>
    public async Task<bool> HasIdentifierAsync(Identity.Identity identity, CancellationToken ct)
    {
        var copy = new Identity.Identity { Id = identity.Id, SchemaId = identity.SchemaId, Traits = identity.Traits.DeepClone() };
        return await registrations.ValidateAsync(copy, ct) is { Count: 0 }
            && copy.Credentials.GetValueOrDefault(CredentialTypes.WebAuthn) is { Identifiers.Count: > 0 };
    }
}
