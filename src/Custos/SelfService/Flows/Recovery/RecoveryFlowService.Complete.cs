using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Flows.Recovery;

internal sealed partial class RecoveryFlowService
{
    /// <summary>
    /// The code or link was good: the address counts as verified, the person gets a fresh (privileged) session and a
    /// settings flow to set a new password. Kratos's default answers: browsers go to the settings UI, JSON clients get
    /// 422 <c>browser_location_change_required</c>; with <c>feature_flags.use_continue_with_transitions</c> they get the
    /// flow with <c>continue_with</c> instead.
    /// </summary>
    private async Task<IResult> CompleteAsync(HttpContext context, RecoveryFlow flow, OneTimeSecret used, string method, CancellationToken ct)
    {
        var identity = await identities.GetAsync(used.IdentityId, withCredentials: true, ct)
            ?? throw KratosErrors.NotFound("The identity of this recovery code no longer exists.");
        if (!identity.IsActive)
        {
            throw KratosErrors.Forbidden("The account is disabled and can not be recovered.");
        }

        await MarkAddressVerifiedAsync(identity, used.AddressId, ct);
        var session = sessions.NewSession(identity, new AuthenticationMethod(method, "aal1", factory.Now, null), context);
        var issued = await sessions.PersistAsync(session, ct);
        var request = factory.Snapshot(context); // until this flow is bound by FlowBinder
        if ((await hooks.RunAsync(new PostRecoveryContext { Flow = flow, Identity = identity, Session = session, Method = method }, ct)).Outcome is { } aborted)
        {
            return responder.Respond(context, request, aborted);
        }

        flow.State = "passed_challenge";
        flow.Ui.ResetMessages();
        flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        var returnTo = flow.ReturnTo ?? O.Selfservice.Flows.Recovery.After.DefaultBrowserReturnUrl;
        if (flow.IsBrowser)
        {
            // Recovery changes who is signed in: a new CSRF token, bound to the settings flow created below.
            factory.RotateCsrf(context);
            sessions.WriteCookie(context, issued);
        }

        if (flow.SkipSettings)
        {
            await store.UpdateAsync(flow, ct);
            return FlowResponder.WantsJson(context, flow)
                ? Results.Json(flow.ToJson())
                : FlowResponder.Redirect(returnTo ?? O.Selfservice.DefaultBrowserReturnUrl);
        }

        var privilegedUntil = session.AuthenticatedAt + O.Selfservice.Flows.Settings.PrivilegedSessionMaxAge;
        var settingsFlow = await settings.CreateAfterRecoveryAsync(context, flow.Type, identity, returnTo,
            Messages.InfoSelfServiceRecoverySuccessful(privilegedUntil, factory.Time), ct);
        var settingsUrl = FlowUrls.Ui(FlowKind.Settings, O, settingsFlow.Id);
        if (O.FeatureFlags.UseContinueWithTransitions)
        {
            flow.ContinueWith = [];
            if (!flow.IsBrowser)
            {
                flow.ContinueWith.Add(new JsonObject { ["action"] = "set_ory_session_token", ["ory_session_token"] = issued.Token });
            }

            flow.ContinueWith.Add(new JsonObject
            {
                ["action"] = "show_settings_ui",
                ["flow"] = new JsonObject { ["id"] = settingsFlow.Id.ToString("D"), ["url"] = settingsUrl },
            });
        }

        await store.UpdateAsync(flow, ct);
        if (!FlowResponder.WantsJson(context, flow))
        {
            return FlowResponder.Redirect(settingsUrl);
        }

        return O.FeatureFlags.UseContinueWithTransitions ? Results.Json(flow.ToJson()) : FlowResponder.LocationChangeRequired(settingsUrl);
    }

    /// <summary>Receiving the code proves control of the address, so its verifiable twin becomes verified.</summary>
    private async Task MarkAddressVerifiedAsync(Identity.Identity identity, Guid? recoveryAddressId, CancellationToken ct)
    {
        var recoveryAddress = identity.RecoveryAddresses.FirstOrDefault(a => a.Id == recoveryAddressId);
        var address = recoveryAddress is null ? null
            : identity.VerifiableAddresses.FirstOrDefault(a => a.Via == recoveryAddress.Via && a.Value == recoveryAddress.Value);
        if (address is null || address.Verified)
        {
            return;
        }

        address.MarkVerified(factory.Now);
        await identities.UpdateVerifiableAddressAsync(address, ct);
    }
}
