using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks;
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
    private async Task<FlowOutcome> CompleteAsync(FlowSubmission<RecoveryFlow> submission, RecoverySucceeded recovered, CancellationToken ct)
    {
        var (flow, request) = (submission.Flow, submission.Request);
        var identity = await identities.GetAsync(recovered.Secret.IdentityId, withCredentials: true, ct)
            ?? throw KratosErrors.NotFound("The identity of this recovery code no longer exists.");
        if (!identity.IsActive)
        {
            throw KratosErrors.Forbidden("The account is disabled and can not be recovered.");
        }

        await MarkAddressVerifiedAsync(identity, recovered.Secret.AddressId, ct);
        var session = sessions.NewSession(identity, new AuthenticationMethod(recovered.Method, "aal1", factory.Now, null), request.Device);
        var issued = await sessions.PersistAsync(session, ct);
        // Recovering the account proves it as well as a password: the login lockout of its identifiers ends.
        await throttle.ClearIdentityAsync(identity, ct);
        if ((await hooks.RunAsync(new PostRecoveryContext { Request = request, Flow = flow, Identity = identity, Session = session, Method = recovered.Method }, ct)).Outcome is { } aborted)
        {
            return aborted;
        }

        flow.State = "passed_challenge";
        flow.Ui.ResetMessages();
        flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        var returnTo = flow.ReturnTo ?? O.Selfservice.Flows.Recovery.After.DefaultBrowserReturnUrl;
        if (flow.IsBrowser)
        {
            // Recovery changes who is signed in: a new CSRF token, bound to the settings flow created below.
            request.RotateCsrf();
            request.Cookies.SetSession(issued.Token, session.ExpiresAt);
        }

        if (flow.SkipSettings)
        {
            await store.UpdateAsync(flow, ct);
            return new FlowOutcome.Succeeded(flow, flow.ToJson(), null, returnTo ?? O.Selfservice.DefaultBrowserReturnUrl);
        }

        var privilegedUntil = session.AuthenticatedAt + O.Selfservice.Flows.Settings.PrivilegedSessionMaxAge;
        var settingsFlow = await settings.CreateAfterRecoveryAsync(request, flow.Type, identity, returnTo,
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
        if (flow.IsBrowser && !request.IsJson)
        {
            return new FlowOutcome.Redirect(settingsUrl);
        }

        return O.FeatureFlags.UseContinueWithTransitions ? new FlowOutcome.Json(flow.ToJson()) : new FlowOutcome.Error(LocationChangeRequired(settingsUrl));
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

    // Kratos answers every JSON client this way, API flows included (they then lack the session token).
    private static CustosException LocationChangeRequired(string url) =>
        new(422, "browser location change required", $"In order to complete this flow please redirect the browser to: {url}", "browser_location_change_required")
        {
            TopLevel = new JsonObject { ["redirect_browser_to"] = url },
        };
}
