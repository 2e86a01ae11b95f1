using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies;
using Custos.SelfService.Ui;
using Custos.Sessions;
using Microsoft.AspNetCore.Http;

namespace Custos.UnitTests.SelfService.Flows.Settings;

/// <summary>How a settings flow offers its form and its submissions to the strategies (strategies contract §0.1).</summary>
public sealed class SettingsStrategiesTests
{
    private static readonly StrategyOutcome<SettingsSucceeded> Declines = StrategyOutcome<SettingsSucceeded>.NotResponsible;
    private static readonly StrategyOutcome<SettingsSucceeded> Rejects = StrategyOutcome<SettingsSucceeded>.Invalid;

    private readonly List<string> _calls = [];

    [Fact]
    public async Task Submit_IsOfferedInStrategyOrder_NotRegistrationOrder_UntilOneDoesNotDecline()
    {
        var identity = NewIdentity();
        var strategies = Strategies(new TestOptions(), Strategy("password", StrategyOrder.Password, Succeeds(identity)), Strategy("profile", StrategyOrder.Profile, Declines));

        var (strategy, outcome) = await strategies.SubmitAsync(Submission(), Context(identity), CancellationToken.None);

        Assert.Equal("password", strategy!.Method);
        Assert.Same(identity, Assert.IsType<StrategyOutcome<SettingsSucceeded>.Succeeded>(outcome).Value.Identity);
        Assert.Equal(["submit:profile", "submit:password"], _calls);
    }

    [Fact]
    public async Task Submit_TheFirstStrategyThatTakesTheSubmissionAnswers_TheLaterOnesAreNotAsked()
    {
        var strategies = Strategies(new TestOptions(), Strategy("profile", StrategyOrder.Profile, Rejects), Strategy("password", StrategyOrder.Password, Succeeds(NewIdentity())));

        var (strategy, outcome) = await strategies.SubmitAsync(Submission(), Context(NewIdentity()), CancellationToken.None);

        Assert.Equal("profile", strategy!.Method);
        Assert.IsType<StrategyOutcome<SettingsSucceeded>.Rejected>(outcome);
        Assert.Equal(["submit:profile"], _calls);
    }

    [Fact]
    public async Task Submit_EveryStrategyDeclines_NoStrategyAnswers()
    {
        var strategies = Strategies(new TestOptions(), Strategy("profile", StrategyOrder.Profile, Declines), Strategy("password", StrategyOrder.Password, Declines));

        var (strategy, outcome) = await strategies.SubmitAsync(Submission(), Context(NewIdentity()), CancellationToken.None);

        Assert.Null(strategy);
        Assert.IsType<StrategyOutcome<SettingsSucceeded>.Declined>(outcome);
    }

    [Fact]
    public async Task Submit_ADisabledStrategyIsNeverOffered()
    {
        var options = new TestOptions(o => o.Selfservice.Methods.Profile.Enabled = false);
        var strategies = Strategies(options, Strategy("profile", StrategyOrder.Profile, Succeeds(NewIdentity())), Strategy("password", StrategyOrder.Password, Declines));

        var (strategy, _) = await strategies.SubmitAsync(Submission(), Context(NewIdentity()), CancellationToken.None);

        Assert.Null(strategy);
        Assert.Equal(["submit:password"], _calls);
    }

    [Fact]
    public void EnsureEnabled_TheMethodOfADisabledStrategy_Is404EndpointDisabled()
    {
        var options = new TestOptions(o => o.Selfservice.Methods.Password.Enabled = false);
        var strategies = Strategies(options, Strategy("profile", StrategyOrder.Profile, Declines), Strategy("password", StrategyOrder.Password, Declines));

        var error = Assert.Throws<CustosException>(() => strategies.EnsureEnabled("password"));

        Assert.Equal(404, error.Code);
        Assert.Equal(KratosErrors.EndpointDisabled().Reason, error.Reason);
    }

    [Theory]
    [InlineData("profile")]
    [InlineData("carrier-pigeon")]
    [InlineData(null)]
    public void EnsureEnabled_AnEnabledOrUnknownMethod_GoesOn(string? method)
    {
        var options = new TestOptions(o => o.Selfservice.Methods.Password.Enabled = false);
        var strategies = Strategies(options, Strategy("profile", StrategyOrder.Profile, Declines), Strategy("password", StrategyOrder.Password, Declines));

        strategies.EnsureEnabled(method);
    }

    [Fact]
    public async Task Populate_KeepsTheCsrfToken_DropsTheOldNodes_AndAddsEachEnabledGroupInOrder()
    {
        var options = new TestOptions(o => o.Selfservice.Methods.Totp.Enabled = false);
        var strategies = Strategies(options,
            Strategy("totp", StrategyOrder.Totp, Declines), Strategy("password", StrategyOrder.Password, Declines), Strategy("profile", StrategyOrder.Profile, Declines));
        var flow = NewFlow();
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, "csrf_token", "hidden", "token"));
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Profile, "traits.stale", "text"));

        await strategies.PopulateAsync(flow, NewIdentity(), CancellationToken.None);

        Assert.Equal(["default/csrf_token", "profile/method", "password/method"], flow.Ui.Nodes.Select(n => n.Group + "/" + n.Key));
        Assert.Equal(["populate:profile", "populate:password"], _calls);
    }

    private static SettingsStrategies Strategies(TestOptions options, params ISettingsStrategy[] strategies) => new(strategies, options);

    private RecordingSettingsStrategy Strategy(string method, int order, StrategyOutcome<SettingsSucceeded> answer) => new(method, order, answer, _calls);

    private static StrategyOutcome<SettingsSucceeded> Succeeds(Custos.Identity.Identity identity) =>
        StrategyOutcome<SettingsSucceeded>.Success(new SettingsSucceeded(identity));

    private static Custos.Identity.Identity NewIdentity() => new() { Id = Guid.NewGuid(), SchemaId = "default", Traits = new JsonObject() };

    private static SettingsFlow NewFlow() => new()
    {
        Id = Guid.NewGuid(), Type = "api", RequestUrl = "https://auth.example.com/self-service/settings/api", Ui = new UiContainer { Action = "" }, IdentityId = Guid.NewGuid(),
    };

    private static FlowSubmission<SettingsFlow> Submission()
    {
        var request = new FlowRequest
        {
            Method = "POST", Url = "https://auth.example.com/self-service/settings?flow=x", Query = QueryCollection.Empty,
            IsJson = true, AcceptsJson = true, IsForm = false, Device = new SessionDevice(Guid.NewGuid(), "127.0.0.1", "test", ""),
            Headers = new HeaderDictionary(), RequestCookies = new DefaultHttpContext().Request.Cookies, DisplayUrl = "https://auth.example.com/self-service/settings?flow=x",
        };
        return new FlowSubmission<SettingsFlow>(NewFlow(), request, new JsonObject { ["method"] = "password" }, expired: false, null, null);
    }

    private static SettingsContext Context(Custos.Identity.Identity identity) =>
        new(identity, new Session { Id = Guid.NewGuid(), IdentityId = identity.Id }, isPrivileged: true, _ => Task.CompletedTask, () => new FlowOutcome.Redirect("https://app.example.com/"));
}
