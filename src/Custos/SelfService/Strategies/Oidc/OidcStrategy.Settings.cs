using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Oidc;

internal sealed partial class OidcStrategy : ISettingsStrategy
{
    public async Task<StrategyOutcome<SettingsSucceeded>> SubmitAsync(FlowSubmission<SettingsFlow> submission, SettingsContext context, CancellationToken ct)
    {
        var flow = submission.Flow;
        if (callbacks.For(flow.Id) is { } callback)
        {
            return await LinkAsync(flow, context, callback, ct);
        }

        // `link` and `unlink` are button-only keys: they belong to this strategy whatever `method` says (§0.1).
        var link = FlowPayloadReader.GetString(submission.Payload, "link");
        var unlink = FlowPayloadReader.GetString(submission.Payload, "unlink");
        if (string.IsNullOrEmpty(link) && string.IsNullOrEmpty(unlink))
        {
            return StrategyOutcome<SettingsSucceeded>.NotResponsible;
        }

        if (!context.IsPrivileged)
        {
            return StrategyOutcome<SettingsSucceeded>.Respond(context.RefreshRequired());
        }

        var identity = context.Identity;
        var linked = OidcCredential.LinkedProviders(identity);
        if (!string.IsNullOrEmpty(link) && !string.IsNullOrEmpty(unlink))
        {
            return await RefuseAsync(flow, context, "it is not possible to link and unlink providers in the same request", ct);
        }

        if (!string.IsNullOrEmpty(link))
        {
            if (!FormProviders.Any(p => p.Id == link) || linked.Contains(link))
            {
                return await RefuseAsync(flow, context, "can not link unknown or already existing OpenID Connect connection", ct);
            }

            var toProvider = await StartAsync(flow, submission, redirect.Provider(link), null, ct);
            // The settings service leaves a flow that answered itself as it was ("sign in again"); this one must keep
            // the pending sign-in.
            await services.GetRequiredService<Flows.IFlowStore>().UpdateAsync(flow, ct);
            return StrategyOutcome<SettingsSucceeded>.Respond(toProvider);
        }

        if (!linked.Contains(unlink!))
        {
            return await RefuseAsync(flow, context, "can not unlink non-existing OpenID Connect connection", ct);
        }

        if (FirstFactors(identity) < 2)
        {
            return await RefuseAsync(flow, context, "can not unlink OpenID Connect connection because it is the last remaining first factor credential", ct);
        }

        OidcCredential.Unlink(identity, unlink!, Clock.Now(clock));
        return StrategyOutcome<SettingsSucceeded>.Success(new SettingsSucceeded(identity));
    }

    /// <summary>The callback of a <c>link</c>: the account is added unless it is someone else's (4000007), with its AMR entry.</summary>
    private async Task<StrategyOutcome<SettingsSucceeded>> LinkAsync(SettingsFlow flow, SettingsContext context, OidcCallback callback, CancellationToken ct)
    {
        if (!context.IsPrivileged)
        {
            return StrategyOutcome<SettingsSucceeded>.Respond(context.RefreshRequired());
        }

        var identity = context.Identity;
        var provider = callback.Provider.Config.Id;
        if (OidcCredential.LinkedProviders(identity).Contains(provider))
        {
            return await RefuseAsync(flow, context, "can not link unknown or already existing OpenID Connect connection", ct);
        }

        if (callback.Existing is not null)
        {
            await context.RenderAsync(ct);
            flow.Ui.Messages.Add(Messages.ErrorValidationDuplicateCredentials());
            return StrategyOutcome<SettingsSucceeded>.Invalid;
        }

        OidcCredential.Link(identity, provider, callback.Claims.Subject, callback.Tokens, cipher, Clock.Now(clock));
        return StrategyOutcome<SettingsSucceeded>.Success(new SettingsSucceeded(identity, Amr(callback)));
    }

    private static async Task<StrategyOutcome<SettingsSucceeded>> RefuseAsync(SettingsFlow flow, SettingsContext context, string reason, CancellationToken ct)
    {
        await context.RenderAsync(ct);
        flow.Ui.Messages.Add(Messages.ErrorValidationGeneric(reason));
        return StrategyOutcome<SettingsSucceeded>.Invalid;
    }
}
