using System.Text.Json.Nodes;
using Custos.Config;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// Resumes a flow with a provider's verified answer (strategies contract §5.6): the answer becomes a submission of the
/// flow with the method <c>oidc</c>, run by the flow's own service, so the flow rules, hooks, sessions and answers
/// are the ones every method gets. A login for an unknown subject becomes a registration, a registration for a known
/// one a login, each in a new flow of that kind made from the first (return_to and schema kept).
/// </summary>
internal sealed class OidcResume(
    LoginFlowService login,
    RegistrationFlowService registration,
    SettingsFlowService settings,
    IFlowStore store,
    OidcCallbackContext callbacks,
    TokenExchange.ISessionTokenExchanges exchanges,
    IOptionsMonitor<CustosOptions> options,
    TimeProvider clock)
{
    public async Task<FlowOutcome> ResumeAsync(Flow flow, FlowRequest request, OidcCallback callback, CancellationToken ct)
    {
        switch (flow)
        {
            case LoginFlow loginFlow when callback.Existing is not null:
                return await SubmitAsync(loginFlow, request, callback, login.SubmitAsync, ct);
            case LoginFlow loginFlow:
                if (!options.CurrentValue.Selfservice.Flows.Registration.Enabled)
                {
                    return await FailAsync(loginFlow, Messages.ErrorValidationGeneric("Registration is not allowed because it was disabled."), ct);
                }

                return await CreateAsync<RegistrationFlow>(registration.CreateAsync(request.WithUrl(flow.RequestUrl), flow.Type, ct)) is { } madeRegistration
                    ? await SubmitAsync(madeRegistration, request, callback, registration.SubmitAsync, ct, flow)
                    : throw new InvalidOperationException("A registration flow could not be made for the login flow.");
            case RegistrationFlow registrationFlow when callback.Existing is not null:
                return await CreateAsync<LoginFlow>(login.CreateAsync(request.WithUrl(flow.RequestUrl), flow.Type, ct)) is { } madeLogin
                    ? await SubmitAsync(madeLogin, request, callback, login.SubmitAsync, ct, flow)
                    : throw new InvalidOperationException("A login flow could not be made for the registration flow.");
            case RegistrationFlow registrationFlow:
                return await SubmitAsync(registrationFlow, request, callback, registration.SubmitAsync, ct);
            case SettingsFlow settingsFlow:
                if (settings.Binding.BeforeLoad?.Invoke(request) is { } signedOut)
                {
                    return signedOut;
                }

                return await SubmitAsync(settingsFlow, request, callback, settings.SubmitAsync, ct);
            default:
                throw new InvalidOperationException($"Social sign-in cannot resume a {flow.Kind} flow.");
        }
    }

    /// <summary>
    /// Shows a callback failure on the flow (§5.4): a registration shows the provider's "Continue" button and the
    /// message, the others the message on their form.
    /// </summary>
    public async Task<FlowOutcome> FailAsync(Flow flow, UiText message, CancellationToken ct, Config.OidcProviderOptions? provider = null)
    {
        if (flow is RegistrationFlow registrationFlow && provider is not null)
        {
            OidcStrategy.ShowContinue(registrationFlow, provider, message);
        }
        else
        {
            flow.Ui.ResetMessages();
            flow.Ui.Messages.Add(message);
        }

        await store.UpdateAsync(flow, ct);
        return new FlowOutcome.Invalid(flow);
    }

    private async Task<FlowOutcome> SubmitAsync<TFlow>(TFlow flow, FlowRequest request, OidcCallback callback, Func<FlowSubmission<TFlow>, CancellationToken, Task<FlowOutcome>> submit, CancellationToken ct, Flow? from = null)
        where TFlow : Flow
    {
        // The answer is for the flow that runs it; a flow made from another keeps that flow's transient payload and
        // the app's session token exchange.
        callbacks.Current = callback with { FlowId = flow.Id };
        if (from is not null)
        {
            flow.TransientPayload ??= from.TransientPayload;
            await exchanges.MoveAsync(from.Id, flow.Id, ct);
        }

        var payload = new JsonObject { ["method"] = Identity.CredentialTypes.Oidc, ["provider"] = callback.Provider.Config.Id };
        var submission = new FlowSubmission<TFlow>(flow, request, payload, flow.IsExpired(Hosting.Clock.Now(clock)), null, null);
        try
        {
            return await submit(submission, ct);
        }
        finally
        {
            callbacks.Current = null;
        }
    }

    private static async Task<TFlow?> CreateAsync<TFlow>(Task<FlowOutcome> creation)
        where TFlow : Flow => await creation is FlowOutcome.Created { Flow: TFlow created } ? created : null;
}
