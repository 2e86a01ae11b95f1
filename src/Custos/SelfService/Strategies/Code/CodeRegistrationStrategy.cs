using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Csrf;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// The <c>code</c> method at registration (strategies contract §1.6): sign-up without a password. Step one validates
/// the traits and sends a code to every code address they contain (state <c>sent_email</c>); step two checks that the
/// same traits come back and uses the code, and the identity is created with the address the code went to verified.
/// A class of its own beside <see cref="CodeLoginStrategy"/> because it needs the registration pieces, not the login ones.
/// </summary>
internal sealed class CodeRegistrationStrategy(
    RegistrationCodes codes,
    RegistrationIdentities identities,
    CsrfGuard csrf,
    IFlowStore store,
    TimeProvider clock) : IRegistrationStrategy
{
    public string Method => CredentialTypes.Code;

    public int Order => StrategyOrder.Code;

    // Registration by code is the passwordless first factor: without it a method=code body asks for a disabled method (404).
    public bool IsEnabled(CustosOptions o) => o.Selfservice.Methods.Code.Enabled && o.Selfservice.Methods.Code.PasswordlessEnabled;

    /// <summary>"Send sign up code" (1040006) on the unified form and on profile-first's credential screen; nothing on the profile screen.</summary>
    public Task PopulateAsync(RegistrationFlow flow, RegistrationScreen screen, CancellationToken ct)
    {
        if (screen == RegistrationScreen.Profile)
        {
            CodeNodes.RemoveRegistrationNodes(flow.Ui);
        }
        else
        {
            CodeNodes.AddRegistrationMethod(flow.Ui);
        }

        return Task.CompletedTask;
    }

    public async Task<StrategyOutcome<RegistrationSucceeded>> SubmitAsync(FlowSubmission<RegistrationFlow> submission, RegistrationForm form, CancellationToken ct)
    {
        if (submission.Method != Method)
        {
            return StrategyOutcome<RegistrationSucceeded>.NotResponsible;
        }

        var flow = submission.Flow;
        var sent = CodeFlowStates.Effective(flow.State, submission.Text("resend")) == CodeFlowStates.SentEmail;
        var code = submission.Text("code");
        // Kratos's order of checks: the code, then the traits, then the schema, then the code addresses.
        if (sent && string.IsNullOrEmpty(code))
        {
            return Reject(form, "code", Messages.ErrorValidationRequired("code"), UiNodeGroup.Code);
        }

        if (submission.Payload["traits"] is null)
        {
            return Reject(form, "traits", Messages.ErrorValidationRequired("traits"), UiNodeGroup.Default);
        }

        var now = Clock.Now(clock);
        var identity = new Identity.Identity { Id = Guid.NewGuid(), SchemaId = form.SchemaId, Traits = form.Traits.DeepClone(), StateChangedAt = now, CreatedAt = now, UpdatedAt = now };
        if (await identities.ValidateAsync(identity, ct) is { Count: > 0 } invalid)
        {
            form.Reject(invalid);
            return StrategyOutcome<RegistrationSucceeded>.Invalid;
        }

        if (RegistrationCodes.AddressesOf(identity).Count == 0)
        {
            return Reject(form, "", Messages.ErrorValidationIdentifierMissing(), UiNodeGroup.Default);
        }

        return sent ? await VerifyAsync(flow, form, identity, code!, ct) : await SendAsync(flow, form, identity, ct);
    }

    private async Task<StrategyOutcome<RegistrationSucceeded>> SendAsync(RegistrationFlow flow, RegistrationForm form, Identity.Identity identity, CancellationToken ct)
    {
        if (await codes.SendAsync(flow, identity, ct) is { } refused)
        {
            return Reject(form, "", refused, UiNodeGroup.Default);
        }

        var masked = flow.IsBrowser && flow.CsrfToken.Length > 0 ? csrf.Mask(flow.CsrfToken) : null;
        CodeNodes.ApplyRegistrationSent(flow.Ui, form.Traits, twoSteps: form.FirstScreen == RegistrationScreen.Profile, masked);
        // "Code sent" is the normal path, yet Kratos answers it with 400 and the flow for JSON clients.
        return StrategyOutcome<RegistrationSucceeded>.Respond(new FlowOutcome.Step(flow, StatusCodes.Status400BadRequest));
    }

    private async Task<StrategyOutcome<RegistrationSucceeded>> VerifyAsync(RegistrationFlow flow, RegistrationForm form, Identity.Identity identity, string code, CancellationToken ct)
    {
        // The code was sent for the traits in the hidden nodes; other traits would register an address nobody proved.
        if (!CodeNodes.TraitsMatch(flow.Ui, form.Traits))
        {
            return Reject(form, "", Messages.ErrorValidationTraitsMismatch(), UiNodeGroup.Default);
        }

        var verification = await codes.VerifyAsync(flow, identity, code, ct);
        if (!verification.IsOk)
        {
            var rejected = Reject(form, verification.MessageNode, verification.Message(Flows.FlowKind.Registration)!, UiNodeGroup.Code);
            if (verification.Status != CodeVerificationStatus.Throttled)
            {
                return rejected;
            }

            // 429 with Retry-After for JSON clients; browsers see the message on the registration page.
            await store.UpdateAsync(flow, ct);
            return StrategyOutcome<RegistrationSucceeded>.Respond(new FlowOutcome.Throttled(flow, verification.RetryAfterSeconds));
        }

        identity.AvailableAal = "aal1";
        return StrategyOutcome<RegistrationSucceeded>.Success(new RegistrationSucceeded(identity));
    }

    // Kratos's error handler for the method: the submitted trait values go back into their nodes, then the message.
    private static StrategyOutcome<RegistrationSucceeded> Reject(RegistrationForm form, string? node, UiText message, string group)
    {
        CodeNodes.ApplyRegistrationError(form.Flow.Ui, form.Traits);
        form.Flow.Ui.AddMessage(node, message, group);
        return StrategyOutcome<RegistrationSucceeded>.Invalid;
    }
}
