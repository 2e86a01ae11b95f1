using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Flows.Registration;

internal sealed partial class RegistrationFlowService
{
    /// <summary>
    /// Stores the identity a strategy built and completes the flow, in the order of the strategies contract §7.2:
    /// pre-persist hooks, validation, insert, post-persist hooks (which hand out the session), answer.
    /// </summary>
    private async Task<FlowOutcome> RegisterAsync(FlowSubmission<RegistrationFlow> submission, RegistrationForm form, string method, RegistrationSucceeded built, CancellationToken ct)
    {
        var (flow, identity) = (submission.Flow, built.Identity);
        if (await RunPrePersistHooksAsync(submission, identity, method, ct) is { } interrupted)
        {
            if (interrupted is FlowOutcome.Invalid)
            {
                // The hook's messages are on the flow; the submitted traits go back into their nodes, as after any
                // other refusal (strategies contract §7.4).
                form.Reject([]);
                await store.UpdateAsync(flow, ct);
            }

            return interrupted;
        }

        // Validated again because a pre-persist hook may have changed the identity; Kratos validates here too.
        if (await identities.ValidateAsync(identity, ct) is { Count: > 0 } invalid)
        {
            form.Reject(invalid);
            form.SortNodes();
            await store.UpdateAsync(flow, ct);
            return new FlowOutcome.Invalid(flow);
        }

        try
        {
            // The identity, the passed flow, the verification flows and messages and the session: all or nothing.
            return await db.RunInTransactionAsync(async c =>
            {
                await identities.CreateAsync(identity, c);
                // Marking the flow passed keeps a parallel resubmission from creating a second identity or session.
                if (!await store.TryMarkPassedAsync(flow, c))
                {
                    throw new FlowAlreadyPassedException();
                }

                await store.UpdateAsync(flow, c);
                return await CompleteAsync(submission.Request, flow, identity, method, c);
            }, ct);
        }
        catch (IdentityConflictException)
        {
            if (built.OnConflict is not null && await built.OnConflict(ct) is { } answered)
            {
                return answered;
            }

            if (decoy.Applies(method))
            {
                try
                {
                    return await DecoyAsync(submission.Request, flow, identity, method, ct);
                }
                catch (FlowAlreadyPassedException)
                {
                    return await InvalidAsync(flow, Messages.ErrorValidateionRegistrationRetrySuccess(), ct);
                }
            }

            form.Reject([("", await identities.DuplicateMessageAsync(identity, ct))]);
            form.SortNodes();
            await store.UpdateAsync(flow, ct);
            return new FlowOutcome.Invalid(flow);
        }
        catch (FlowAlreadyPassedException)
        {
            return await InvalidAsync(flow, Messages.ErrorValidateionRegistrationRetrySuccess(), ct);
        }
    }

    /// <summary>
    /// The strategies contract §7.2 step 1: the parsing web hooks (<c>response.parse</c> or <c>can_interrupt</c>) of
    /// <c>selfservice.flows.registration.after.&lt;method&gt;.hooks</c> run here, in config order, after the strategy built
    /// <paramref name="identity"/> and before it is validated and inserted. They may change the identity or interrupt
    /// with messages on the flow. Returns null to go on.
    /// </summary>
    private Task<FlowOutcome?> RunPrePersistHooksAsync(FlowSubmission<RegistrationFlow> submission, Identity.Identity identity, string method, CancellationToken ct) =>
        prePersist.RunAsync(submission.Flow, submission.Request, identity, session: null, method, ct);

    private async Task<FlowOutcome> CompleteAsync(FlowRequest request, RegistrationFlow flow, Identity.Identity identity, string method, CancellationToken ct)
    {
        if (flow.IsBrowser)
        {
            // A new identity signs in: a new CSRF token, which the verification flows below are bound to.
            request.RotateCsrf();
        }

        var after = new PostRegistrationContext { Request = request, Flow = flow, Identity = identity, Method = method, VerificationReturnTo = Verification.VerificationHook.AfterVerificationReturnTo(flow) };
        var hooked = await hooks.RunAsync(after, ct);
        // A hook that stops the answer still leaves the identity stored (the transaction commits), so it is audited too.
        await audit.RegistrationSucceededAsync(identity.Id, after.Session?.Session.Id, method, ct);
        if (hooked.Outcome is { } aborted)
        {
            if (aborted is FlowOutcome.Invalid)
            {
                await sorter.SortAsync(flow, identity.SchemaId, ct);
            }

            return aborted;
        }

        return Answer(flow, identity, method, after);
    }

    /// <summary>
    /// Enumeration mitigation: a taken identifier answered like a new registration (see <see cref="RegistrationDecoy"/>);
    /// the flow is passed and the CSRF token rotated as after a real one, and nothing is stored for the identity.
    /// </summary>
    private Task<FlowOutcome> DecoyAsync(FlowRequest request, RegistrationFlow flow, Identity.Identity identity, string method, CancellationToken ct) =>
        db.RunInTransactionAsync(async c =>
        {
            if (!await store.TryMarkPassedAsync(flow, c))
            {
                throw new FlowAlreadyPassedException();
            }

            await store.UpdateAsync(flow, c);
            if (flow.IsBrowser)
            {
                request.RotateCsrf();
            }

            var after = new PostRegistrationContext { Request = request, Flow = flow, Identity = identity, Method = method, VerificationReturnTo = Verification.VerificationHook.AfterVerificationReturnTo(flow) };
            await decoy.RunAsync(after, c);
            return (FlowOutcome)Answer(flow, identity, method, after);
        }, ct);

    /// <summary>The success answer: the session (when a hook issued one), the identity and <c>continue_with</c>.</summary>
    private FlowOutcome.Succeeded Answer(RegistrationFlow flow, Identity.Identity identity, string method, PostRegistrationContext after)
    {
        var publicBase = FlowUrls.Public(O, "/");
        var body = new JsonObject();
        var continueWith = new JsonArray();
        foreach (var item in after.ContinueWith)
        {
            continueWith.Add(item);
        }

        if (after.Session is { } issued)
        {
            if (!flow.IsBrowser)
            {
                body["session_token"] = issued.Token;
                continueWith.Add(new JsonObject { ["action"] = "set_ory_session_token", ["ory_session_token"] = issued.Token });
            }

            body["session"] = SessionJson.Write(issued.Session, factory.Now, publicBase, admin: false);
        }

        body["identity"] = IdentityJson.Public(identity, publicBase);
        var returnUrl = flow.ReturnTo ?? O.Selfservice.Flows.Registration.After.DefaultBrowserReturnUrlFor(method) ?? O.Selfservice.DefaultBrowserReturnUrl;
        if (flow.IsBrowser)
        {
            continueWith.Add(new JsonObject { ["action"] = "redirect_browser_to", ["redirect_browser_to"] = returnUrl });
        }

        body["continue_with"] = continueWith;
        // A browser form post is sent on (to the verification UI when show_verification_ui asked for it); JSON clients get the body.
        return new FlowOutcome.Succeeded(flow, body, null, after.BrowserRedirect ?? returnUrl);
    }
}
