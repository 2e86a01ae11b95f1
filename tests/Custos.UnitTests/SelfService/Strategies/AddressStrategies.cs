using System.Text.Json.Nodes;
using Custos.Config;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Csrf;
using Custos.SelfService.Flows.Recovery;
using Custos.SelfService.Flows.ReturnTo;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Flows.Verification;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Strategies.Link;
using Custos.SelfService.Ui;
using Custos.Sessions;
using Microsoft.AspNetCore.Http;

namespace Custos.UnitTests.SelfService.Strategies;

/// <summary>
/// The code and link strategies as far as dispatch needs them. They are built without a store, sender, redeemer or
/// replacer: declining a body, or refusing it because the method is switched off, must touch none of those.
/// </summary>
internal static class AddressStrategies
{
    public static CodeStrategy Code(Action<CustosOptions>? configure = null) => new(Factory(configure), null!, null!, null!, null!, null!, null!, null!);

    public static LinkStrategy Link(Action<CustosOptions>? configure = null) => new(Factory(configure), null!, null!, null!, null!, null!, null!);

    public static RecoveryFlow RecoveryFlow(string? active = null, string state = "choose_method") =>
        new() { Id = Guid.NewGuid(), Type = FlowTypes.Api, RequestUrl = "https://auth.example.com/self-service/recovery/api", Ui = new UiContainer { Action = "" }, Active = active, State = state };

    public static VerificationFlow VerificationFlow() =>
        new() { Id = Guid.NewGuid(), Type = FlowTypes.Api, RequestUrl = "https://auth.example.com/self-service/verification/api", Ui = new UiContainer { Action = "" } };

    /// <summary>A submission of <paramref name="body"/> to <paramref name="flow"/>, as the binder hands it over.</summary>
    public static FlowSubmission<TFlow> Submit<TFlow>(TFlow flow, JsonObject body)
        where TFlow : Flow
    {
        var request = new FlowRequest
        {
            Method = HttpMethods.Post,
            Url = "https://auth.example.com/self-service/x",
            Query = QueryCollection.Empty,
            IsJson = true,
            AcceptsJson = true,
            IsForm = false,
            Device = new SessionDevice(Guid.NewGuid(), "127.0.0.1", "unit-test", ""),
            Headers = new HeaderDictionary(),
            RequestCookies = new DefaultHttpContext().Request.Cookies,
            DisplayUrl = "https://auth.example.com/self-service/x",
        };
        return new FlowSubmission<TFlow>(flow, request, body, expired: false, csrfViolation: null, csrfRefusal: null);
    }

    private static FlowFactory Factory(Action<CustosOptions>? configure)
    {
        var options = new TestOptions(configure);
        return new FlowFactory(options, TimeProvider.System, new ReturnToValidator(options), new CsrfGuard(new CsrfCookie(options)));
    }
}
