using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;
using Custos.Sessions;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// An account at a provider whose e-mail (or other identifier) belongs to an existing identity (strategies contract
/// §5.8). It never signs into that identity on its own: a new login flow asks the person to prove the existing account
/// (1010016, the identifier fixed as a hidden field); the provider account is linked when that login succeeds for the
/// identity that owns the identifier (else 4010009), and only once the session meets the required AAL.
/// </summary>
internal sealed class OidcAccountLinking(
    IFlowStore store,
    IPrivilegedIdentityPool identities,
    IServiceProvider services,
    IOptionsMonitor<CustosOptions> options,
    TimeProvider clock) : ILoginLinker
{
    /// <summary>The login flow's internal-context key of the account waiting to be linked.</summary>
    private const string Key = "oidc_link";

    /// <summary>
    /// The answer to a registration whose identity conflicts with an existing one: a linking login flow, or null when
    /// no existing identity owns any of the new identity's identifiers (the registration then says "taken").
    /// </summary>
    public async Task<FlowOutcome?> OfferAsync(Flow registration, FlowRequest request, Identity.Identity created, OidcCallback callback, CancellationToken ct)
    {
        if (await DuplicateAsync(created, ct) is not var (owner, duplicate))
        {
            return null;
        }

        var login = services.GetRequiredService<LoginFlowService>();
        if (await login.CreateAsync(request.WithUrl(registration.RequestUrl), registration.Type, ct) is not FlowOutcome.Created { Flow: LoginFlow flow })
        {
            return null;
        }

        var config = callback.Provider.Config;
        var entry = (created.Credentials[CredentialTypes.Oidc].Config["providers"] as JsonArray)!.Last()!.DeepClone();
        flow.StrategyContext[Key] = new JsonObject { ["provider"] = config.Id, ["entry"] = entry, ["duplicate_identifier"] = duplicate };
        Render(flow, config, duplicate, owner);
        await store.UpdateAsync(flow, ct);

        var o = options.CurrentValue;
        if (request.IsJson)
        {
            return new FlowOutcome.Invalid(flow);
        }

        var target = flow.IsBrowser ? FlowUrls.Ui(FlowKind.Login, o, flow.Id) : AddFlow(flow.ReturnTo ?? o.Selfservice.DefaultBrowserReturnUrl, flow.Id);
        return new FlowOutcome.Redirect(AddQuery(target, "no_org_ui", "true"));
    }

    public bool HasPending(LoginFlow flow) => flow.StrategyContext[Key] is JsonObject;

    public void CarryOver(LoginFlow from, LoginFlow to)
    {
        if (from.StrategyContext[Key] is JsonObject pending)
        {
            to.StrategyContext[Key] = pending.DeepClone();
        }
    }

    public UiText? CheckOwner(LoginFlow flow, Identity.Identity identity)
    {
        if (flow.StrategyContext[Key]?["duplicate_identifier"]?.GetValue<string>() is not { } duplicate)
        {
            return null;
        }

        var owns = identity.Credentials.Values.Any(c => c.Identifiers.Contains(duplicate, StringComparer.Ordinal))
            || identity.VerifiableAddresses.Any(a => a.Value == duplicate);
        return owns ? null : Messages.ErrorValidationLoginLinkedCredentialsDoNotMatch();
    }

    public async Task<AuthenticationMethod?> LinkAsync(LoginFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        if (flow.StrategyContext[Key] is not JsonObject pending || pending["entry"] is not JsonObject entry || pending["provider"]?.GetValue<string>() is not { } provider)
        {
            return null;
        }

        var subject = entry["subject"]?.GetValue<string>() ?? "";
        var now = Clock.Now(clock);
        var stored = await identities.GetAsync(identity.Id, withCredentials: true, ct) ?? identity;
        if (!stored.Credentials.TryGetValue(CredentialTypes.Oidc, out var credential))
        {
            credential = new Credentials { Type = CredentialTypes.Oidc, CreatedAt = now, UpdatedAt = now };
            stored.Credentials[CredentialTypes.Oidc] = credential;
        }

        var providers = credential.Config["providers"] as JsonArray ?? [];
        providers.Add(entry.DeepClone());
        credential.Config["providers"] = providers;
        credential.Identifiers.Add(OidcCredentialConfig.Identifier(provider, subject));
        credential.UpdatedAt = now;
        await identities.UpdateAsync(stored, ct);
        flow.StrategyContext.Remove(Key);
        return new AuthenticationMethod(CredentialTypes.Oidc, "aal1", now, provider);
    }

    // The identity one of whose identifiers or verifiable addresses the new identity also claims, and that value.
    private async Task<(Identity.Identity Owner, string Value)?> DuplicateAsync(Identity.Identity created, CancellationToken ct)
    {
        foreach (var identifier in created.Credentials.Where(c => c.Key != CredentialTypes.Oidc).SelectMany(c => c.Value.Identifiers))
        {
            if (await identities.FindByAnyCredentialsIdentifierAsync(identifier, ct) is { } owner)
            {
                return (owner, identifier);
            }
        }

        foreach (var address in created.VerifiableAddresses)
        {
            if (await identities.FindVerifiableAddressAsync(address.Via, address.Value, ct) is { } owner
                && await identities.GetAsync(owner.IdentityId, withCredentials: true, ct) is { } identity)
            {
                return (identity, address.Value);
            }
        }

        return null;
    }

    // The form says which ways in the existing account has (Kratos's available_credential_types and
    // available_providers); with registration login hints on, only those stay.
    private void Render(LoginFlow flow, OidcProviderOptions provider, string duplicate, Identity.Identity owner)
    {
        var o = options.CurrentValue;
        var types = owner.Credentials.Values.Where(c => c.Config.Count > 0 && c.Type != CredentialTypes.Code).Select(c => c.Type).Distinct().Order(StringComparer.Ordinal).ToList();
        var providers = OidcCredential.LinkedProviders(owner);
        OidcLinkingForm.Apply(flow.Ui, provider.Id, OidcLinkingForm.UsedProviderName(provider, provider.Id), duplicate, FlowUrls.Ui(FlowKind.Login, o, flow.Id),
            types, providers, o.Selfservice.Flows.Registration.LoginHints);
    }

    private static string AddFlow(string url, Guid flowId) => AddQuery(url, "flow", flowId.ToString("D"));

    private static string AddQuery(string url, string key, string value) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(url, key, value);
}
