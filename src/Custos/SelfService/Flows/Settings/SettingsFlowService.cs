using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.Persistence;
using Custos.Schema;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Hooks;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Flows.Settings;

/// <summary>Settings flows: bound to the signed-in identity; profile and password updates.</summary>
internal sealed partial class SettingsFlowService(
    FlowFactory factory,
    IFlowStore store,
    FlowResponder responder,
    SessionManager sessions,
    IdentitySchemaProvider schemas,
    SettingsUpdater updater,
    IIdentityPool identities,
    HookPipeline<IPostSettingsHook, PostSettingsContext> hooks,
    DbSession db)
{
    private CustosOptions O => factory.Options;

    public async Task<IResult> CreateAsync(HttpContext context, string type, CancellationToken ct)
    {
        var session = await sessions.FromRequestAsync(context, ct);
        if (session?.Identity is not { } identity)
        {
            if (type == FlowTypes.Browser && !ContentNegotiation.IsJsonRequest(context.Request))
            {
                var login = FlowUrls.Public(O, "/self-service/login/browser");
                var returnTo = FlowQuery.Text(context.Request, "return_to");
                return FlowResponder.Redirect(returnTo is null ? login : FlowUrls.WithQuery(login, "return_to", returnTo));
            }

            throw NoSession();
        }

        RequireAal(session, identity);
        var flow = factory.Init(new SettingsFlow
        {
            Id = Guid.NewGuid(),
            Type = type,
            RequestUrl = FlowUrls.RequestUrl(context, O),
            Ui = new UiContainer { Action = "" },
            IdentityId = identity.Id,
            State = "show_form",
        }, context);
        await PopulateAsync(flow, identity, ct);
        await store.CreateAsync(flow, ct);
        return responder.Created(context, flow);
    }

    /// <summary>
    /// The settings flow a successful recovery leads to: bound to the recovered identity, carrying
    /// <paramref name="message"/> (1060001) and the recovery's return URL.
    /// </summary>
    public async Task<SettingsFlow> CreateAfterRecoveryAsync(Submit.FlowRequest request, string type, Identity.Identity identity, string? returnTo, UiText message, CancellationToken ct)
    {
        var requestUrl = FlowUrls.Public(O, "/self-service/settings/" + (type == FlowTypes.Browser ? "browser" : "api"));
        var flow = factory.InitWithoutReturnTo(new SettingsFlow
        {
            Id = Guid.NewGuid(),
            Type = type,
            RequestUrl = returnTo is null ? requestUrl : FlowUrls.WithQuery(requestUrl, "return_to", returnTo),
            Ui = new UiContainer { Action = "" },
            IdentityId = identity.Id,
            State = "show_form",
        }, request);
        await PopulateAsync(flow, identity, ct);
        flow.Ui.Messages.Add(message);
        await store.CreateAsync(flow, ct);
        return flow;
    }

    public async Task<IResult> GetAsync(HttpContext context, CancellationToken ct)
    {
        var session = await sessions.FromRequestAsync(context, ct);
        if (session?.Identity is not { } identity)
        {
            return ContentNegotiation.IsJsonRequest(context.Request)
                ? throw new CustosException(401, "The request could not be authorized", "A valid Ory Session Cookie or Ory Session Token is missing.")
                : FlowResponder.Redirect(O.Selfservice.Flows.Login.UiUrl, StatusCodes.Status302Found);
        }

        var flow = await store.GetAsync<SettingsFlow>(FlowRequests.FlowId(context, "id"), ct) ?? throw KratosErrors.NotFound("The settings request could not be found. Please restart the flow.");
        if (flow.IdentityId != identity.Id)
        {
            throw KratosErrors.Forbidden("You must restart the flow because the resumable session was initiated by another person.", "security_identity_mismatch");
        }

        if (flow.IsExpired(factory.Now))
        {
            throw FlowRequests.Expired(flow, FlowUrls.Public(O, ""), withId: false);
        }

        factory.AddCsrfNode(flow);
        flow.IdentityJson = IdentityJson.Public(identity, FlowUrls.Public(O, "/"));
        return Results.Json(flow.ToJson());
    }

    internal static CustosException NoSession() =>
        new(401, "The request could not be authorized", "This endpoint can only be accessed with a valid session. Please log in and try again.", "session_inactive");

    /// <summary><c>selfservice.flows.settings.required_aal: highest_available</c>: an identity with a second factor needs an aal2 session.</summary>
    private void RequireAal(Session session, Identity.Identity identity)
    {
        if (O.Selfservice.Flows.Settings.RequiredAal == RequiredAal.HighestAvailable && identity.AvailableAal == "aal2" && session.AuthenticatorAssuranceLevel != "aal2")
        {
            var url = FlowUrls.Public(O, "/self-service/login/browser?aal=aal2");
            throw new CustosException(403, "Session does not fulfill the requested Authenticator Assurance Level",
                "An active session was found but it does not fulfill the requested Authenticator Assurance Level. Please verify yourself with a second factor to resolve this issue.", "session_aal2_required")
            {
                Details = new JsonObject { ["redirect_browser_to"] = url },
                TopLevel = new JsonObject { ["redirect_browser_to"] = url },
            };
        }
    }

    private async Task PopulateAsync(SettingsFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        if (O.Selfservice.Methods.Profile.Enabled)
        {
            var schema = await schemas.GetAsync(identity.SchemaId, ct);
            flow.Ui.Nodes.AddRange(TraitNodes.FromSchema(schema.Raw, UiNodeGroup.Profile, identity.Traits));
            flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Profile, "method", "submit", "profile", label: Messages.InfoNodeLabelSave()));
        }

        if (O.Selfservice.Methods.Password.Enabled)
        {
            flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Password, "password", "password", required: true, autocomplete: "new-password", label: Messages.InfoNodeLabelInputPassword()));
            flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Password, "method", "submit", "password", label: Messages.InfoNodeLabelSave()));
        }

        flow.IdentityJson = IdentityJson.Public(identity, FlowUrls.Public(O, "/"));
    }
}
