using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.Schema;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Csrf;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;
using Custos.Sessions;
using Custos.Sessions.Assurance;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// The <c>code</c> method at login (strategies contract §1.4–1.5): a one-time code by e-mail or SMS as the first factor
/// (<c>passwordless_enabled</c>, aal1) or as the second (<c>mfa_enabled</c>, aal2). Step one sends a code to the
/// identity's code addresses; step two (state <c>sent_email</c>) checks it. It is its own class beside
/// <see cref="CodeStrategy"/> because login needs the identity finder and the login code store, which recovery and
/// verification do not.
/// </summary>
internal sealed partial class CodeLoginStrategy(
    LoginCodes codes,
    CodeIdentityFinder finder,
    IdentitySchemaProvider schemas,
    IIdentityPool identities,
    CsrfGuard csrf,
    AvailableAalCalculator factors,
    LoginForms forms,
    IOptionsMonitor<CustosOptions> options,
    IFlowStore store,
    TimeProvider clock) : ILoginStrategy, IFastLoginStrategy
{
    public string Method => CredentialTypes.Code;

    public int Order => StrategyOrder.Code;

    public bool IsEnabled(CustosOptions o) => o.Selfservice.Methods.Code.Enabled;

    private CodeMethodOptions Config => options.CurrentValue.Selfservice.Methods.Code;

    public async Task<bool> PopulateAsync(LoginFlow flow, LoginForm form, CancellationToken ct)
    {
        switch (form.Mode)
        {
            case LoginFormMode.FirstFactor when Config.PasswordlessEnabled:
                var schema = await schemas.GetAsync(flow.IdentitySchema ?? options.CurrentValue.Identity.DefaultSchemaId, ct);
                CodeNodes.AddLoginChooseMethod(flow.Ui, LoginIdentifierLabel.FromSchema(schema.Raw));
                return true;
            case LoginFormMode.Credentials when Config.PasswordlessEnabled:
                // Identifier-first step 2: offered when the person can receive a code (or to everyone with mitigation).
                var can = form.Identity?.Credentials.ContainsKey(CredentialTypes.Code) == true;
                if (can || form.Mitigate)
                {
                    flow.Ui.Nodes.Add(CodeNodes.SendSignInCode());
                }

                return can;
            case LoginFormMode.SecondFactor when Config.MfaEnabled && form.Identity is not null:
                var addresses = CodeAddressSelection.ForSecondFactor(form.Identity, null, Config.Config.MissingCredentialFallbackEnabled);
                CodeNodes.AddAddressButtons(flow.Ui, addresses);
                return addresses.Count > 0;
            default:
                return false;
        }
    }

    public async Task<StrategyOutcome<LoginSucceeded>> SubmitAsync(FlowSubmission<LoginFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        var address = FlowPayloadReader.GetString(submission.Payload, "address");
        // An address button posts only `address` (§0.1).
        if (submission.Method != Method && address is null)
        {
            return StrategyOutcome<LoginSucceeded>.NotResponsible;
        }

        var secondFactor = flow.RequestedAal == "aal2";
        if (secondFactor ? !Config.MfaEnabled : !Config.PasswordlessEnabled)
        {
            return StrategyOutcome<LoginSucceeded>.NotResponsible;
        }

        var sessionIdentity = submission.Request.Session is { } current
            ? await identities.GetAsync(current.Session.IdentityId, withCredentials: true, ct)
            : null;
        if (secondFactor && sessionIdentity is null)
        {
            return StrategyOutcome<LoginSucceeded>.NotResponsible;
        }

        var identifier = FlowPayloadReader.GetString(submission.Payload, "identifier") ?? address;
        var state = CodeFlowStates.Effective(flow.State, FlowPayloadReader.GetString(submission.Payload, "resend"));
        var recipients = secondFactor
            ? finder.SecondFactor(sessionIdentity!, identifier)
            : await finder.FirstFactorAsync(identifier, flow.Refresh ? sessionIdentity?.Id : null, ct);
        if (!recipients.Found)
        {
            CodeNodes.ApplyLoginError(flow.Ui, identifier ?? "", hideIdentifier: state == CodeFlowStates.SentEmail);
            flow.Ui.AddMessage(recipients.ErrorNode, recipients.Error!, UiNodeGroup.Code);
            return StrategyOutcome<LoginSucceeded>.Invalid;
        }

        if (state != CodeFlowStates.SentEmail)
        {
            await codes.SendAsync(flow, recipients, ct);
            var masked = flow.IsBrowser && flow.CsrfToken.Length > 0 ? csrf.Mask(flow.CsrfToken) : null;
            CodeNodes.ApplyLoginSent(flow.Ui, identifier!, boundToSession: flow.Refresh || secondFactor, masked);
            return StrategyOutcome<LoginSucceeded>.Respond(new FlowOutcome.Step(flow, StatusCodes.Status400BadRequest));
        }

        var identity = recipients.Identity!;
        var verification = await codes.VerifyAsync(flow, identity, FlowPayloadReader.GetString(submission.Payload, "code"), ct);
        if (!verification.IsOk)
        {
            CodeNodes.ApplyLoginError(flow.Ui, identifier!, hideIdentifier: true);
            flow.Ui.AddMessage(verification.MessageNode, verification.Message(Flows.FlowKind.Login)!, UiNodeGroup.Code);
            if (verification.Status == CodeVerificationStatus.Throttled)
            {
                // 429 with Retry-After for JSON clients; browsers see the message on the login page.
                await store.UpdateAsync(flow, ct);
                return StrategyOutcome<LoginSucceeded>.Respond(new FlowOutcome.Throttled(flow, verification.RetryAfterSeconds));
            }

            return StrategyOutcome<LoginSucceeded>.Invalid;
        }

        // §0.3: the level follows the configuration, not which form was used.
        var aal = Config.MfaEnabled ? "aal2" : "aal1";
        return StrategyOutcome<LoginSucceeded>.Success(new LoginSucceeded(identity, new AuthenticationMethod(Method, aal, Clock.Now(clock), null)));
    }
}
