using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies;
using Custos.SelfService.Ui;

namespace Custos.UnitTests.SelfService.Flows.Registration;

/// <summary>Each screen of the registration form: the schema's trait nodes, then every strategy's nodes in the order given.</summary>
public sealed class RegistrationFormTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {"type":"object","properties":{"traits":{"type":"object","properties":{
          "email":{"type":"string","format":"email","title":"E-Mail"},
          "name":{"type":"string","title":"Name"}}}}}
        """).RootElement;

    [Fact]
    public async Task ShowAsync_PutsTheTraitsFirst_ThenEachStrategysNodesInOrder_KeepingTheCsrfNode()
    {
        var flow = NewFlow();
        var form = Form(flow, new JsonObject { ["email"] = "a@example.com" }, new Marker("first"), new Marker("second"));

        await form.ShowAsync(RegistrationScreen.Profile, CancellationToken.None);

        Assert.Equal(["csrf_token", "traits.email", "traits.name", "first:Profile", "second:Profile"], flow.Ui.Nodes.Select(n => n.Key));
        Assert.Equal("a@example.com", flow.Ui.Find("traits.email")!.Value!.GetValue<string>());
        Assert.Equal("email", flow.Ui.Find("traits.email")!.Attributes["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ShowAsync_Credentials_HidesTheTraits_AndReplacesTheEarlierScreen()
    {
        var flow = NewFlow();
        var form = Form(flow, new JsonObject { ["email"] = "a@example.com" }, new Marker("only"));
        await form.ShowAsync(RegistrationScreen.Profile, CancellationToken.None);

        await form.ShowAsync(RegistrationScreen.Credentials, CancellationToken.None);

        Assert.Equal(["csrf_token", "traits.email", "traits.name", "only:Credentials"], flow.Ui.Nodes.Select(n => n.Key));
        Assert.All(flow.Ui.Nodes.Where(n => n.Key.StartsWith("traits.", StringComparison.Ordinal)), n => Assert.Equal("hidden", n.Attributes["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Reject_KeepsTheSubmittedValues_AndPutsPasswordMessagesInThePasswordGroup()
    {
        var flow = NewFlow();
        var form = Form(flow, new JsonObject { ["email"] = "typed@example.com" });
        await form.ShowAsync(RegistrationScreen.Unified, CancellationToken.None);
        flow.Ui.Find("traits.email")!.Value = "";

        form.Reject([("password", Messages.ErrorValidationRequired("password")), ("", Messages.ErrorValidationIdentifierMissing())]);

        Assert.Equal("typed@example.com", flow.Ui.Find("traits.email")!.Value!.GetValue<string>());
        Assert.Equal(UiNodeGroup.Password, flow.Ui.Find("password")!.Group);
        Assert.Single(flow.Ui.Find("password")!.Messages);
        Assert.Single(flow.Ui.Messages);
    }

    private static RegistrationFlow NewFlow()
    {
        var flow = new RegistrationFlow { Id = Guid.NewGuid(), Type = "api", RequestUrl = "http://localhost/", Ui = new UiContainer { Action = "" } };
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, "csrf_token", "hidden", "", required: true));
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, "stale", "text"));
        return flow;
    }

    private static RegistrationForm Form(RegistrationFlow flow, JsonObject traits, params IRegistrationStrategy[] strategies) =>
        new(flow, "default", Schema, traits, RegistrationScreen.Profile, strategies);

    /// <summary>Adds one node named after itself and the screen.</summary>
    private sealed class Marker(string name) : IRegistrationStrategy
    {
        public string Method => name;

        public int Order => 0;

        public bool IsEnabled(CustosOptions options) => true;

        public Task PopulateAsync(RegistrationFlow flow, RegistrationScreen screen, CancellationToken ct)
        {
            flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, $"{name}:{screen}", "submit"));
            return Task.CompletedTask;
        }

        public Task<StrategyOutcome<RegistrationSucceeded>> SubmitAsync(FlowSubmission<RegistrationFlow> submission, RegistrationForm form, CancellationToken ct) =>
            Task.FromResult(StrategyOutcome<RegistrationSucceeded>.NotResponsible);
    }
}
