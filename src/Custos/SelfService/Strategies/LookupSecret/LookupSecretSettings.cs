using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Settings;
using Custos.Sessions;

namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>
/// Kratos's lookup-secret settings state machine on a flow and an identity loaded with credentials: it changes the
/// flow's nodes and internal context and the identity in memory, and says how the flow must answer; it writes
/// nothing itself. CSRF, the privileged-session check and <c>enabled</c> are the caller's, before this runs.
/// </summary>
internal sealed class LookupSecretSettings(LookupCodeHasher hasher, TimeProvider clock)
{
    /// <summary>Internal-context key of the regenerated, not yet confirmed codes (their MACs).</summary>
    public const string RegeneratedKey = "lookup_secret_regenerated";

    /// <summary>Internal-context key Kratos sets on reveal and clears on disable.</summary>
    public const string RevealedKey = "lookup_secret_revealed";

    public LookupSecretSettingsOutcome Apply(SettingsFlow flow, Identity.Identity identity, LookupSecretSettingsAction action) => action switch
    {
        LookupSecretSettingsAction.Confirm => Confirm(flow, identity),
        LookupSecretSettingsAction.Reveal => Reveal(flow, identity),
        LookupSecretSettingsAction.Disable => Disable(flow, identity),
        _ => Regenerate(flow, identity),
    };

    private static LookupSecretSettingsOutcome Reveal(SettingsFlow flow, Identity.Identity identity)
    {
        if (!LookupSecretCredential.HasCodes(identity))
        {
            return LookupSecretSettingsOutcome.Fail(Ui.Messages.ErrorValidationLookupRevealWithoutCodes());
        }

        var codes = LookupSecretCredential.Read(identity.Credentials[CredentialTypes.LookupSecret].Config);
        LookupSecretNodes.RemoveSettingsNodes(flow.Ui);
        flow.Ui.Upsert(LookupSecretNodes.Codes(codes));
        flow.Ui.Upsert(LookupSecretNodes.Disable());
        flow.Ui.Upsert(LookupSecretNodes.Regenerate());
        flow.StrategyContext[RevealedKey] = true;
        return LookupSecretSettingsOutcome.ShowFlow;
    }

    /// <summary>
    /// New codes are shown once, in this flow's UI, and kept as MACs in its internal context; the old codes stay valid
    /// until confirm.
    /// </summary>
    private LookupSecretSettingsOutcome Regenerate(SettingsFlow flow, Identity.Identity identity)
    {
        var codes = LookupSecretCodes.Generate();
        LookupSecretNodes.RemoveSettingsNodes(flow.Ui);
        flow.Ui.Upsert(LookupSecretNodes.Codes(codes.Select(c => new LookupCode(null, c, null)).ToList()));
        flow.Ui.Upsert(LookupSecretNodes.Confirm());
        flow.StrategyContext[RegeneratedKey] = new JsonArray(codes.Select(c => (JsonNode?)hasher.Hash(identity.Id, c)).ToArray());
        return LookupSecretSettingsOutcome.ShowFlow;
    }

    private LookupSecretSettingsOutcome Confirm(SettingsFlow flow, Identity.Identity identity)
    {
        var hmacs = (flow.StrategyContext[RegeneratedKey] as JsonArray ?? [])
            .Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            .OfType<string>()
            .ToList();
        if (hmacs.Count != LookupSecretCodes.Count)
        {
            return LookupSecretSettingsOutcome.Fail(Ui.Messages.ErrorValidationLookupConfirmWithoutCodes());
        }

        var now = Clock.Now(clock);
        LookupSecretCredential.Replace(identity, hmacs, now);
        flow.StrategyContext.Remove(RegeneratedKey);
        return new LookupSecretSettingsOutcome(LookupSecretSettingsResult.IdentityChanged,
            AddedMethod: new AuthenticationMethod(CredentialTypes.LookupSecret, AuthenticatorAssurance.Aal2, now));
    }

    private static LookupSecretSettingsOutcome Disable(SettingsFlow flow, Identity.Identity identity)
    {
        identity.Credentials.Remove(CredentialTypes.LookupSecret);
        LookupSecretNodes.RemoveSettingsNodes(flow.Ui);
        flow.Ui.Upsert(LookupSecretNodes.Regenerate());
        flow.StrategyContext[RevealedKey] = false;
        flow.StrategyContext.Remove(RegeneratedKey);
        return new LookupSecretSettingsOutcome(LookupSecretSettingsResult.IdentityChanged);
    }
}
