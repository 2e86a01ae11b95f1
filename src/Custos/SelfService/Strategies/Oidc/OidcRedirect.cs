using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Submit;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// Starts the dance (strategies contract §5.3): a fresh single-use state and PKCE pair, the pending sign-in stored in
/// the flow, the browser bound by the continuity cookie, and the answer that sends the person to the provider (303, or
/// 422 <c>browser_location_change_required</c> for JSON clients).
/// </summary>
internal sealed class OidcRedirect(IOidcProviders providers, IOptionsMonitor<CustosOptions> options, TimeProvider clock)
{
    /// <summary>The only upstream parameters a client may pass on (§5.3; <c>login_hint</c> is refused, HackerOne #3239672).</summary>
    private static readonly string[] AllowedUpstream = ["hd", "prompt", "auth_type", "acr_values"];

    /// <summary>The provider with this id; 404 as Kratos when none is configured.</summary>
    public IOidcProvider Provider(string id) =>
        providers.Find(id) ?? throw KratosErrors.NotFound($"OpenID Connect Provider \"{id}\" is unknown or has not been configured");

    /// <summary>
    /// The answer that sends the person to <paramref name="provider"/>, after storing the pending sign-in in
    /// <paramref name="flow"/>'s context (the caller stores the flow).
    /// </summary>
    public async Task<FlowOutcome> StartAsync(Flow flow, FlowRequest request, IOidcProvider provider, JsonObject payload, JsonObject? traits, CancellationToken ct)
    {
        var pkce = await provider.UsesPkceAsync(ct);
        var (verifier, challenge) = pkce ? OidcState.NewPkce() : (null, null);
        var state = OidcState.New(flow);
        string? binding = null;
        if (flow.IsBrowser)
        {
            binding = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            request.Cookies.SetContinuity(binding);
        }

        var expires = Clock.Now(clock) + ContinuityCookie.MaxAge;
        new OidcPending(provider.Config.Id, OidcPending.Hash(state), verifier, binding is null ? null : OidcPending.Hash(binding), traits, flow.TransientPayload, expires)
            .WriteTo(flow.StrategyContext);
        flow.Active = Identity.CredentialTypes.Oidc;

        var authorization = new OidcAuthorizationRequest(
            state,
            RedirectUri(provider.Config),
            challenge,
            ForceLogin: flow is LoginFlow { Refresh: true },
            Upstream(payload["upstream_parameters"]));
        return new FlowOutcome.Navigate(await provider.AuthorizationUrlAsync(authorization, ct));
    }

    /// <summary>
    /// The callback URL registered at the provider: <c>{base_redirect_uri}/self-service/methods/oidc/callback/{id}</c>,
    /// or <c>…/callback</c> for <c>pkce: force</c> (the provider is then read from the state).
    /// </summary>
    public string RedirectUri(OidcProviderOptions provider)
    {
        var o = options.CurrentValue;
        var configured = o.Selfservice.Methods.Oidc.Config.BaseRedirectUri;
        var baseUrl = string.IsNullOrEmpty(configured) ? FlowUrls.Public(o, "/") : configured;
        var path = provider.Pkce == "force" ? "self-service/methods/oidc/callback" : "self-service/methods/oidc/callback/" + Uri.EscapeDataString(provider.Id);
        return baseUrl.TrimEnd('/') + "/" + path;
    }

    private static Dictionary<string, string> Upstream(JsonNode? node)
    {
        var allowed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not JsonObject o)
        {
            return allowed;
        }

        foreach (var key in AllowedUpstream)
        {
            if (o[key] is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0)
            {
                allowed[key] = text;
            }
        }

        return allowed;
    }
}
