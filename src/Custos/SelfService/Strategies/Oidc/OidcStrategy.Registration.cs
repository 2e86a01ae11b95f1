using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Oidc;

internal sealed partial class OidcStrategy : IRegistrationStrategy
{
    public async Task<StrategyOutcome<RegistrationSucceeded>> SubmitAsync(FlowSubmission<RegistrationFlow> submission, RegistrationForm form, CancellationToken ct)
    {
        var flow = submission.Flow;
        if (callbacks.For(flow.Id) is { } callback)
        {
            return await RegisterAsync(submission, form, callback, ct);
        }

        if (submission.Method is not (null or "" or "oidc") || submission.Text("provider") is not { Length: > 0 } providerId)
        {
            return StrategyOutcome<RegistrationSucceeded>.NotResponsible;
        }

        var provider = redirect.Provider(providerId);
        // Traits sent with the start (the completion form's, or a pre-fill) override the mapper's at the callback (§5.5).
        var traits = form.Traits.Count > 0 ? (JsonObject)form.Traits.DeepClone() : null;
        if (submission.Text("id_token") is { Length: > 0 } idToken)
        {
            var verified = await idTokens.VerifyAsync(flow, provider, idToken, submission.Text("id_token_nonce"), traits, ct);
            return verified.Existing is null
                ? await RegisterAsync(submission, form, verified, ct)
                : StrategyOutcome<RegistrationSucceeded>.Respond(await Resume().ResumeAsync(flow, submission.Request, verified, ct));
        }

        return StrategyOutcome<RegistrationSucceeded>.Respond(await StartAsync(flow, submission, provider, traits, ct));
    }

    /// <summary>
    /// The identity the provider's claims make (§5.6): the mapper's traits, overridden key by key by the traits sent
    /// with the start, the metadata, the <c>oidc</c> credential with the encrypted tokens, and the addresses the mapper
    /// vouches for marked verified. Invalid traits show the completion form (§5.7); a taken identifier offers linking (§5.8).
    /// </summary>
    private async Task<StrategyOutcome<RegistrationSucceeded>> RegisterAsync(FlowSubmission<RegistrationFlow> submission, RegistrationForm form, OidcCallback callback, CancellationToken ct)
    {
        var flow = submission.Flow;
        var config = callback.Provider.Config;
        OidcMappedIdentity mapped;
        try
        {
            mapped = await mapper.MapAsync(config, callback.Claims.ToJson(), null, ct);
        }
        catch (OidcMapperException e)
        {
            ShowContinue(flow, config, Messages.ErrorValidationGeneric(e.Message));
            return StrategyOutcome<RegistrationSucceeded>.Invalid;
        }

        var traits = (JsonObject)mapped.Traits.DeepClone();
        foreach (var (key, value) in callback.Traits ?? [])
        {
            traits[key] = value?.DeepClone();
        }

        var now = Clock.Now(clock);
        var identity = new Identity.Identity
        {
            Id = Guid.NewGuid(),
            SchemaId = form.SchemaId,
            Traits = traits,
            MetadataPublic = mapped.MetadataPublic,
            MetadataAdmin = mapped.MetadataAdmin,
            StateChangedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        OidcCredential.Link(identity, config.Id, callback.Claims.Subject, callback.Tokens, cipher, now);
        if (await registrations.ValidateAsync(identity, ct) is { Count: > 0 } invalid)
        {
            form.ShowTraits(traits);
            flow.Ui.Nodes.Add(OidcNodes.ContinueButton(config.Id));
            form.AddMessages(invalid);
            form.SortNodes();
            return StrategyOutcome<RegistrationSucceeded>.Invalid;
        }

        foreach (var address in identity.VerifiableAddresses)
        {
            if (mapped.VerifiedAddresses.Any(v => v.Via == address.Via && v.Value == address.Value))
            {
                address.MarkVerified(now);
            }
        }

        identity.AvailableAal = "aal1";
        return StrategyOutcome<RegistrationSucceeded>.Success(new RegistrationSucceeded(identity)
        {
            OnConflict = c => Linking().OfferAsync(flow, submission.Request, identity, callback, c),
        });
    }

    /// <summary>
    /// A registration the provider's answer could not finish: the form becomes the provider's "Continue" button and the
    /// message (§5.4: every callback error on a registration flow).
    /// </summary>
    internal static void ShowContinue(RegistrationFlow flow, Config.OidcProviderOptions provider, UiText message)
    {
        flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        flow.Ui.Nodes.Add(OidcNodes.ContinueButton(provider.Id));
        flow.Ui.Messages.Add(message);
    }

    // The flow services take the strategies, so the strategy reaches them lazily.
    private OidcResume Resume() => services.GetRequiredService<OidcResume>();

    private OidcAccountLinking Linking() => services.GetRequiredService<OidcAccountLinking>();
}
