using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Strategies.LookupSecret;
using Custos.SelfService.Ui;
using Microsoft.Extensions.Logging.Abstractions;

namespace Custos.UnitTests.SelfService.Strategies.LookupSecret;

/// <summary>Kratos's settings state machine (contract §3.2): what each button shows, keeps and changes.</summary>
public sealed class LookupSecretSettingsTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
    private readonly LookupCodeHasher _hasher = new(new TestOptions(o => o.Secrets.Default = ["a-default-secret-of-32-characters"]), NullLogger<LookupCodeHasher>.Instance);
    private readonly LookupSecretSettings _settings;

    public LookupSecretSettingsTests() => _settings = new LookupSecretSettings(_hasher, new FixedClock(Now));

    private static Custos.Identity.Identity NewIdentity() => new() { Id = Guid.NewGuid(), SchemaId = "default", Traits = new JsonObject() };

    private static SettingsFlow NewFlow(Custos.Identity.Identity identity) => new()
    {
        Id = Guid.NewGuid(),
        Type = "browser",
        RequestUrl = "https://auth.example.com/self-service/settings/browser",
        Ui = new UiContainer { Action = "https://auth.example.com/self-service/settings?flow=1" },
        IdentityId = identity.Id,
    };

    private static string[] LookupNodeKeys(SettingsFlow flow) =>
        flow.Ui.Nodes.Where(n => n.Group == UiNodeGroup.LookupSecret).Select(n => n.Key).ToArray();

    private static List<string> ShownCodes(SettingsFlow flow) =>
        (flow.Ui.Nodes.Single(n => n.Key == LookupSecretNodes.CodesId).Attributes["text"]!["context"]!["secrets"] as JsonArray)!
            .Select(s => s!["text"]!.GetValue<string>()).ToList();

    /// <summary>Regenerate and confirm in one flow; returns the codes the person was shown.</summary>
    private List<string> Enrol(Custos.Identity.Identity identity)
    {
        var flow = NewFlow(identity);
        _settings.Apply(flow, identity, LookupSecretSettingsAction.Regenerate);
        var codes = ShownCodes(flow);
        _settings.Apply(flow, identity, LookupSecretSettingsAction.Confirm);
        return codes;
    }

    [Fact]
    public void Populate_OffersRegenerate_WithoutCodes_AndRevealPlusDisable_WithCodes()
    {
        var identity = NewIdentity();
        var before = NewFlow(identity);
        LookupSecretNodes.PopulateSettings(before.Ui, identity);
        Enrol(identity);

        var after = NewFlow(identity);
        LookupSecretNodes.PopulateSettings(after.Ui, identity);

        Assert.Equal(["lookup_secret_regenerate"], LookupNodeKeys(before));
        Assert.Equal(["lookup_secret_reveal", "lookup_secret_disable"], LookupNodeKeys(after));
    }

    [Fact]
    public void Regenerate_ShowsTwelveNewCodesAndConfirm_KeepsOnlyTheirMacs_AndLeavesTheIdentityAlone()
    {
        var identity = NewIdentity();
        var flow = NewFlow(identity);
        LookupSecretNodes.PopulateSettings(flow.Ui, identity);

        var outcome = _settings.Apply(flow, identity, LookupSecretSettingsAction.Regenerate);

        Assert.Equal(LookupSecretSettingsResult.ShowFlow, outcome.Result);
        Assert.Equal(["lookup_secret_codes", "lookup_secret_confirm"], LookupNodeKeys(flow));
        var codes = ShownCodes(flow);
        Assert.Equal(12, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[a-z0-9]{8}$", c));
        var context = flow.StrategyContext.ToJsonString();
        Assert.Equal(12, flow.StrategyContext[LookupSecretSettings.RegeneratedKey]!.AsArray().Count);
        Assert.All(codes, c => Assert.DoesNotContain(c, context, StringComparison.Ordinal));
        Assert.Empty(identity.Credentials);
    }

    [Fact]
    public void Confirm_StoresTheRegeneratedCodesAsMacs_AddsAal2_AndClearsTheContext()
    {
        var identity = NewIdentity();
        var flow = NewFlow(identity);
        _settings.Apply(flow, identity, LookupSecretSettingsAction.Regenerate);
        var codes = ShownCodes(flow);

        var outcome = _settings.Apply(flow, identity, LookupSecretSettingsAction.Confirm);

        Assert.Equal(LookupSecretSettingsResult.IdentityChanged, outcome.Result);
        Assert.Equal(("lookup_secret", "aal2", Now), (outcome.AddedMethod!.Method, outcome.AddedMethod.Aal, outcome.AddedMethod.CompletedAt));
        var credential = identity.Credentials[CredentialTypes.LookupSecret];
        Assert.Equal([identity.Id.ToString("D")], credential.Identifiers);
        Assert.Equal(0, credential.Version);
        var stored = credential.Config.ToJsonString();
        Assert.All(codes, c => Assert.DoesNotContain(c, stored, StringComparison.Ordinal));
        Assert.Equal(codes.Select(c => _hasher.Hash(identity.Id, c)), LookupSecretCredential.Read(credential.Config).Select(e => e.Hmac));
        Assert.All(credential.Config["recovery_codes"]!.AsArray(), e => Assert.Null(e!["used_at"]));
        Assert.False(flow.StrategyContext.ContainsKey(LookupSecretSettings.RegeneratedKey));
    }

    [Fact]
    public void Confirm_WithoutRegeneratingInThisFlow_Fails_AndKeepsTheOldCodes()
    {
        var identity = NewIdentity();
        Enrol(identity);
        var old = identity.Credentials[CredentialTypes.LookupSecret].Config.ToJsonString();
        var otherFlow = NewFlow(identity);

        var outcome = _settings.Apply(otherFlow, identity, LookupSecretSettingsAction.Confirm);

        Assert.Equal(LookupSecretSettingsResult.Failed, outcome.Result);
        Assert.Equal((4000001L, "You must (re-)generate recovery backup codes before you can save them."), (outcome.Error!.Id, outcome.Error.Text));
        Assert.Equal(old, identity.Credentials[CredentialTypes.LookupSecret].Config.ToJsonString());
    }

    [Fact]
    public void Confirm_Twice_FailsTheSecondTime()
    {
        var identity = NewIdentity();
        var flow = NewFlow(identity);
        _settings.Apply(flow, identity, LookupSecretSettingsAction.Regenerate);
        _settings.Apply(flow, identity, LookupSecretSettingsAction.Confirm);

        var again = _settings.Apply(flow, identity, LookupSecretSettingsAction.Confirm);

        Assert.Equal(LookupSecretSettingsResult.Failed, again.Result);
    }

    [Fact]
    public void Reveal_WithoutCodes_Fails()
    {
        var identity = NewIdentity();

        var outcome = _settings.Apply(NewFlow(identity), identity, LookupSecretSettingsAction.Reveal);

        Assert.Equal(LookupSecretSettingsResult.Failed, outcome.Result);
        Assert.Equal((4000001L, "Can not reveal lookup codes because you have none."), (outcome.Error!.Id, outcome.Error.Text));
    }

    [Fact]
    public void Reveal_ShowsUsedCodesAsUsed_AndUnusedOnesMasked_ThenDisableAndRegenerate()
    {
        var identity = NewIdentity();
        Enrol(identity);
        var credential = identity.Credentials[CredentialTypes.LookupSecret];
        credential.Config = LookupSecretCredential.MarkUsed(credential.Config, 1, Now);
        var flow = NewFlow(identity);
        LookupSecretNodes.PopulateSettings(flow.Ui, identity);

        var outcome = _settings.Apply(flow, identity, LookupSecretSettingsAction.Reveal);

        Assert.Equal(LookupSecretSettingsResult.ShowFlow, outcome.Result);
        Assert.Equal(["lookup_secret_codes", "lookup_secret_disable", "lookup_secret_regenerate"], LookupNodeKeys(flow));
        var shown = ShownCodes(flow);
        Assert.Equal("Secret was used at 2026-12-07 10:00:00 +0000 UTC", shown[1]);
        Assert.Equal(11, shown.Count(s => s == "********"));
        var list = flow.Ui.Nodes.Single(n => n.Key == LookupSecretNodes.CodesId).Attributes["text"]!["text"]!.GetValue<string>();
        Assert.Equal("used", list.Split(", ")[1]);
        Assert.True(flow.StrategyContext[LookupSecretSettings.RevealedKey]!.GetValue<bool>());
    }

    [Fact]
    public void Disable_RemovesTheCredential_AndOffersRegenerate()
    {
        var identity = NewIdentity();
        Enrol(identity);
        var flow = NewFlow(identity);
        LookupSecretNodes.PopulateSettings(flow.Ui, identity);

        var outcome = _settings.Apply(flow, identity, LookupSecretSettingsAction.Disable);

        Assert.Equal(LookupSecretSettingsResult.IdentityChanged, outcome.Result);
        Assert.Null(outcome.AddedMethod);
        Assert.False(identity.Credentials.ContainsKey(CredentialTypes.LookupSecret));
        Assert.Equal(["lookup_secret_regenerate"], LookupNodeKeys(flow));
    }

    [Fact]
    public void Regenerate_ThenDisable_DropsTheUnconfirmedCodes()
    {
        var identity = NewIdentity();
        var flow = NewFlow(identity);
        _settings.Apply(flow, identity, LookupSecretSettingsAction.Regenerate);

        _settings.Apply(flow, identity, LookupSecretSettingsAction.Disable);

        Assert.Equal(LookupSecretSettingsResult.Failed, _settings.Apply(flow, identity, LookupSecretSettingsAction.Confirm).Result);
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }
}
