using Custos.Hosting;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Submit;
using Custos.Sessions;

namespace Custos.SelfService.Strategies.Oidc;

internal sealed partial class OidcStrategy : ILoginStrategy
{
    public async Task<StrategyOutcome<LoginSucceeded>> SubmitAsync(FlowSubmission<LoginFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        if (callbacks.For(flow.Id) is { } callback)
        {
            if (callback.Existing is not { } identity)
            {
                return StrategyOutcome<LoginSucceeded>.NotResponsible;
            }

            if (callback.Provider.Config.UpdateIdentityOnLogin == "automatic"
                && await services.GetRequiredService<OidcIdentityRefresh>().RefreshAsync(identity, callback, ct) is { Count: > 0 } refused)
            {
                flow.Ui.Messages.AddRange(refused);
                return StrategyOutcome<LoginSucceeded>.Invalid;
            }

            return StrategyOutcome<LoginSucceeded>.Success(new LoginSucceeded(identity, Amr(callback)));
        }

        // A social sign-in is a first factor: it starts a login or a re-authentication, never a step-up.
        if (submission.Method is not (null or "" or "oidc") || submission.Text("provider") is not { Length: > 0 } providerId
            || (flow.RequestedAal != "aal1" && !flow.Refresh))
        {
            return StrategyOutcome<LoginSucceeded>.NotResponsible;
        }

        // Kratos checks no csrf_token here (a GET with ?provider= starts it too): the continuity cookie binds the browser.
        var provider = redirect.Provider(providerId);
        if (submission.Text("id_token") is { Length: > 0 } idToken)
        {
            var verified = await idTokens.VerifyAsync(flow, provider, idToken, submission.Text("id_token_nonce"), null, ct);
            return verified.Existing is { } identity
                ? StrategyOutcome<LoginSucceeded>.Success(new LoginSucceeded(identity, Amr(verified)))
                : StrategyOutcome<LoginSucceeded>.Respond(await Resume().ResumeAsync(flow, submission.Request, verified, ct));
        }

        return StrategyOutcome<LoginSucceeded>.Respond(await StartAsync(flow, submission, provider, null, ct));
    }

    /// <summary>
    /// The session's entry for a sign-in through <paramref name="callback"/>'s provider: aal2 when the provider reported
    /// an <c>acr</c> or an <c>amr</c> value listed in <c>aal2_acr_values</c> / <c>aal2_amr_values</c> (§5.1).
    /// </summary>
    private AuthenticationMethod Amr(OidcCallback callback)
    {
        var config = callback.Provider.Config;
        var claims = callback.Claims;
        var aal2 = (claims.Acr is { Length: > 0 } acr && config.Aal2AcrValues.Contains(acr)) || claims.Amr.Any(config.Aal2AmrValues.Contains);
        return new AuthenticationMethod(
            Method,
            aal2 ? "aal2" : "aal1",
            Clock.Now(clock),
            config.Id,
            string.IsNullOrEmpty(config.OrganizationId) ? null : config.OrganizationId,
            string.IsNullOrEmpty(claims.Acr) ? null : claims.Acr,
            claims.Amr.Count > 0 ? claims.Amr : null);
    }

    private async Task<FlowOutcome> StartAsync<TFlow>(TFlow flow, FlowSubmission<TFlow> submission, IOidcProvider provider, System.Text.Json.Nodes.JsonObject? traits, CancellationToken ct)
        where TFlow : Flows.Flow
    {
        try
        {
            return await redirect.StartAsync(flow, submission.Request, provider, submission.Payload, traits, ct);
        }
        catch (OidcProviderException e)
        {
            throw new CustosException(e.Status, e.Status == 502 ? "Upstream error" : "Forbidden", e.Message);
        }
    }
}
