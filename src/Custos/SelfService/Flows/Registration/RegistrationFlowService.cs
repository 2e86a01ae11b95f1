using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.Persistence;
using Custos.Schema;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Hooks;
using Custos.SelfService.Strategies.Password;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Flows.Registration;

/// <summary>
/// Registration: profile-first (traits, then the credential) or unified (one form). A full <c>method=password</c>
/// submission is accepted in both styles, as Kratos's SDK clients send it.
/// </summary>
internal sealed partial class RegistrationFlowService(
    FlowFactory factory,
    IFlowStore store,
    FlowResponder responder,
    SessionManager sessions,
    IdentitySchemaProvider schemas,
    PasswordRegistrar registrar,
    HookPipeline<IPostRegistrationHook, PostRegistrationContext> hooks,
    DbSession db)
{
    private CustosOptions O => factory.Options;

    public async Task<IResult> CreateAsync(HttpContext context, string type, CancellationToken ct)
    {
        if (!O.Selfservice.Flows.Registration.Enabled)
        {
            throw new CustosException(400, "registration flow disabled", "Registration is not allowed because it was disabled.", "self_service_flow_disabled");
        }

        if (await sessions.FromRequestAsync(context, ct) is not null)
        {
            if (type == FlowTypes.Browser && !ContentNegotiation.AcceptsJson(context.Request))
            {
                return FlowResponder.Redirect(factory.ReturnTo(context) ?? O.Selfservice.DefaultBrowserReturnUrl);
            }

            throw SessionAlreadyAvailable();
        }

        var schemaId = FlowQuery.IdentitySchema(context.Request, O.Identity);
        var flow = factory.Init(new RegistrationFlow
        {
            Id = Guid.NewGuid(),
            Type = type,
            RequestUrl = FlowUrls.RequestUrl(context, O),
            Ui = new UiContainer { Action = "" },
            IdentitySchema = schemaId,
        }, context);
        await PopulateFirstScreenAsync(flow, null, ct);
        await store.CreateAsync(flow, ct);
        return responder.Created(context, flow);
    }

    public async Task<IResult> GetAsync(HttpContext context, CancellationToken ct)
    {
        if (!O.Selfservice.Flows.Registration.Enabled)
        {
            throw new CustosException(400, "registration flow disabled", "Registration is not allowed because it was disabled.", "self_service_flow_disabled");
        }

        var flow = await store.GetAsync<RegistrationFlow>(FlowRequests.FlowId(context, "id"), ct) ?? throw KratosErrors.NotFound("The registration flow could not be found.");
        factory.VerifyCsrfCookie(context, flow);
        if (flow.IsExpired(factory.Now))
        {
            throw FlowRequests.Expired(flow, FlowUrls.Public(O, ""), withId: true);
        }

        factory.AddCsrfNode(flow);
        return Results.Json(flow.ToJson());
    }

    internal static CustosException SessionAlreadyAvailable() =>
        new(400, "you are already logged in", "A valid session was detected and thus registration is not possible.", "session_already_available");

    private bool Unified => O.Selfservice.Flows.Registration.EffectiveStyle() == RegistrationStyle.Unified;

    private string SchemaId(RegistrationFlow flow) => flow.IdentitySchema ?? O.Identity.DefaultSchemaId;

    /// <summary>Step one (profile-first: traits + "Sign up" with method=profile) or the unified form.</summary>
    private async Task PopulateFirstScreenAsync(RegistrationFlow flow, JsonNode? traits, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(SchemaId(flow), ct);
        flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        foreach (var node in TraitNodes.FromSchema(schema.Raw, UiNodeGroup.Default, traits))
        {
            flow.Ui.Nodes.Add(node);
        }

        if (Unified && O.Selfservice.Methods.Password.Enabled)
        {
            PasswordStrategy.AddRegistrationNodes(flow.Ui);
        }
        else if (O.Selfservice.Methods.Profile.Enabled)
        {
            flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Profile, "method", "submit", "profile", label: Messages.InfoSelfServiceRegistration()));
        }
    }

    /// <summary>Step two of profile-first: the traits as hidden fields, "Back", and the credential choices.</summary>
    private static void PopulateCredentialScreen(RegistrationFlow flow, IEnumerable<UiNode> traitNodes)
    {
        flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        foreach (var node in traitNodes)
        {
            node.Attributes["type"] = "hidden";
            flow.Ui.Nodes.Add(node);
        }

        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Profile, "screen", "submit", "previous", label: Messages.InfoSelfServiceRegistrationBack()));
        PasswordStrategy.AddRegistrationNodes(flow.Ui);
        flow.Ui.Messages.Add(Messages.InfoSelfServiceRegistrationChooseCredentials());
    }
}
