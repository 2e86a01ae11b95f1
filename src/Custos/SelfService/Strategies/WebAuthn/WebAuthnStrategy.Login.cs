using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Strategies.WebAuthn;

internal sealed partial class WebAuthnStrategy : ILoginStrategy
{
    public async Task<bool> PopulateAsync(LoginFlow flow, LoginForm form, CancellationToken ct)
    {
        if (!flow.IsBrowser)
        {
            return false;
        }

        switch (form.Mode)
        {
            case LoginFormMode.FirstFactor when rp.Passwordless:
                flow.Ui.Upsert(UiNode.Input(UiNodeGroup.Default, "identifier", "text", "", required: true, autocomplete: "username webauthn",
                    label: await accounts.IdentifierLabelAsync(flow.IdentitySchema, ct)));
                flow.Ui.Upsert(WebAuthnNodes.MethodButton());
                return true;
            case LoginFormMode.Credentials when rp.Passwordless:
                // Kratos: the button shows when the person has a passwordless key, and for everyone with enumeration mitigated.
                var has = form.Identity is { } identity && aal.Count(identity.Credentials, t => t == Method).FirstFactor > 0;
                if (has || form.Mitigate)
                {
                    flow.Ui.Upsert(WebAuthnNodes.MethodButton());
                }

                return has;
            case LoginFormMode.Refresh when form.Identity is { } refreshed:
                return await PopulateRefreshAsync(flow, refreshed, form.Identifier, ct);
            // A step-up shows the security keys; in passwordless mode keys are no second factor, except on a refresh.
            case LoginFormMode.SecondFactor when form.Identity is { } signedIn && (!rp.Passwordless || flow.Refresh):
                return PopulateCeremony(flow, signedIn, Messages.InfoSelfServiceLoginWebAuthn());
            default:
                return false;
        }
    }

    private async Task<bool> PopulateRefreshAsync(LoginFlow flow, Identity.Identity identity, string? identifier, CancellationToken ct)
    {
        // The session's identity may come without credentials; the form depends on them.
        var full = identity.Credentials.Count > 0 ? identity : await identities.GetAsync(identity.Id, withCredentials: true, ct) ?? identity;
        if (!PopulateCeremony(flow, full, Messages.InfoSelfServiceLoginWebAuthn()))
        {
            return false;
        }

        if (flow.Ui.Find("identifier") is null && identifier is not null)
        {
            flow.Ui.Upsert(UiNode.Input(UiNodeGroup.Default, "identifier", "hidden", identifier));
        }

        return true;
    }

    /// <summary>
    /// The assertion form for a known identity (Kratos's <c>populateLoginMethod</c>): options listing the keys usable at
    /// the flow's AAL, bound to the flow. False when there are none.
    /// </summary>
    private bool PopulateCeremony(LoginFlow flow, Identity.Identity identity, UiText label)
    {
        var credential = identity.Credentials.GetValueOrDefault(CredentialTypes.WebAuthn);
        // Kratos lists the keys of the requested AAL here, also on a refresh; the submission then accepts any key.
        var keys = ConfigOf(identity).Credentials.Where(k => Usable(k, flow.RequestedAal, refresh: false)).ToList();
        if (keys.Count == 0)
        {
            return false;
        }

        var options = rp.Assertion(CredentialDescriptor.Of(keys));
        WebAuthnSession.For(options).SaveTo(flow, SessionKey);
        if (credential?.Identifiers.FirstOrDefault() is { } identifier)
        {
            flow.Ui.Upsert(UiNode.Input(UiNodeGroup.Default, "identifier", "hidden", identifier));
        }

        WebAuthnScriptNode.AddTo(flow, rp.PublicBaseUrl);
        flow.Ui.Upsert(WebAuthnNodes.LoginTriggerNode(options.ToJson().ToJsonString(), label));
        flow.Ui.Upsert(WebAuthnNodes.LoginNode());
        return true;
    }

    public async Task<StrategyOutcome<LoginSucceeded>> SubmitAsync(FlowSubmission<LoginFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        var response = FlowPayloadReader.GetString(submission.Payload, WebAuthnNodes.Login);
        // webauthn_login is a button-only payload: it belongs to webauthn whatever `method` says (§0.1).
        if (!flow.IsBrowser || (string.IsNullOrEmpty(response) && submission.Method != Method))
        {
            return StrategyOutcome<LoginSucceeded>.NotResponsible;
        }

        var passwordless = rp.Passwordless || (flow.Refresh && flow.RequestedAal == "aal1");
        if (flow.RequestedAal != (passwordless ? "aal1" : "aal2"))
        {
            return StrategyOutcome<LoginSucceeded>.NotResponsible;
        }

        flow.Ui.Find(WebAuthnNodes.Login)?.Value = "";
        // Kratos's payload schema requires the identifier with this method, also at aal2 where it is not used.
        if (FlowPayloadReader.GetString(submission.Payload, "identifier") is not { Length: > 0 } identifier)
        {
            flow.Ui.AddMessage("identifier", Messages.ErrorValidationRequired("identifier"));
            return StrategyOutcome<LoginSucceeded>.Invalid;
        }

        Identity.Identity? identity;
        if (passwordless)
        {
            identity = await identities.FindByCredentialsIdentifierAsync(Method, IdentifierNormalizer.Normalize(identifier), ct);
            if (identity is null)
            {
                await DelayAsync(ct);
                return Refuse(flow, Messages.ErrorValidationSuchNoWebAuthnUser());
            }

            if (string.IsNullOrEmpty(response))
            {
                return ShowCeremony(flow, identity, identifier);
            }
        }
        else
        {
            identity = submission.Request.Session is { } current
                ? await identities.GetAsync(current.Session.IdentityId, withCredentials: true, ct)
                : null;
            if (identity is null)
            {
                return Refuse(flow, Messages.ErrorValidationNoWebAuthnDevice());
            }
        }

        if (await VerifyAsync(flow, identity, response, ct) is { } failure)
        {
            return Refuse(flow, failure);
        }

        WebAuthnSession.RemoveFrom(flow, SessionKey);
        return StrategyOutcome<LoginSucceeded>.Success(new LoginSucceeded(identity, new AuthenticationMethod(Method, rp.Aal, Clock.Now(clock), null)));
    }

    // Passwordless step 1: the form is replaced by the ceremony for this person, and the browser is sent to run it.
    private StrategyOutcome<LoginSucceeded> ShowCeremony(LoginFlow flow, Identity.Identity identity, string identifier)
    {
        var previous = flow.Ui.Nodes.ToList();
        flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        if (!PopulateCeremony(flow, identity, Messages.InfoSelfServiceLoginContinue()))
        {
            flow.Ui.Nodes.Clear();
            flow.Ui.Nodes.AddRange(previous);
            return Refuse(flow, Messages.ErrorValidationSuchNoWebAuthnUser());
        }

        flow.Ui.Messages.Add(Messages.InfoSelfServiceLoginWebAuthnPasswordless());
        flow.Ui.Upsert(UiNode.Input(UiNodeGroup.Default, "identifier", "hidden", identifier, required: true));
        return StrategyOutcome<LoginSucceeded>.Respond(new FlowOutcome.Navigate(rp.LoginUi(flow.Id)));
    }

    private static StrategyOutcome<LoginSucceeded> Refuse(LoginFlow flow, UiText message)
    {
        flow.Ui.Messages.Add(message);
        return StrategyOutcome<LoginSucceeded>.Invalid;
    }

    // Kratos sleeps about as long as a password hash takes, so an unknown identifier answers no faster than a known one.
    private static Task DelayAsync(CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(System.Security.Cryptography.RandomNumberGenerator.GetInt32(100, 600)), ct);
}
