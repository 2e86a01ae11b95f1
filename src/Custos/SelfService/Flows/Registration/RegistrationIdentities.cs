using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Identity;
using Custos.Schema;
using Custos.SelfService.Ui;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Flows.Registration;

/// <summary>
/// The part of registering an identity that no method owns: schema validation with its errors as node messages, the
/// insert whose unique index turns a taken identifier into a conflict, and the message for that conflict.
/// </summary>
internal sealed class RegistrationIdentities(IPrivilegedIdentityPool pool, IdentityValidator validator, IOptionsMonitor<CustosOptions> options)
{
    /// <summary>
    /// Validates the traits against the identity's schema (deriving its identifiers and addresses); the messages to
    /// show, keyed by node name ("" for the form), or none.
    /// </summary>
    public async Task<IReadOnlyList<(string Node, UiText Message)>> ValidateAsync(Identity.Identity identity, CancellationToken ct)
    {
        try
        {
            await validator.ValidateAsync(identity, ct);
            return [];
        }
        catch (IdentityValidationException e)
        {
            return e.Errors.Select(error => (NodeName(error.InstanceLocation), SchemaErrorMessages.ToUiText(error))).ToList();
        }
    }

    /// <summary>Stores a validated identity; a taken identifier throws <see cref="IdentityConflictException"/> (see <see cref="DuplicateMessageAsync"/>).</summary>
    public Task CreateAsync(Identity.Identity identity, CancellationToken ct) => pool.CreateAsync(identity, ct);

    /// <summary>
    /// The form message for an identity whose identifier is taken: 4000007, or with
    /// <c>selfservice.flows.registration.login_hints</c> 4000028, which says how the existing account signs in.
    /// </summary>
    public async Task<UiText> DuplicateMessageAsync(Identity.Identity identity, CancellationToken ct)
    {
        var identifier = identity.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Identifiers.FirstOrDefault();
        if (!options.CurrentValue.Selfservice.Flows.Registration.LoginHints || identifier is null
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
