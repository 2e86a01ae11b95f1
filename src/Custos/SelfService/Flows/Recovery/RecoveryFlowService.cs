using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.Persistence;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Hooks;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Flows.Recovery;

/// <summary>
/// Recovery flows (<c>choose_method</c> → <c>sent_email</c> → <c>passed_challenge</c>) with the strategy named by
/// <c>selfservice.flows.recovery.use</c>: a 6-digit code (default) or a link. A used code or link signs the person in
/// and leads to a settings flow where the password can be changed.
/// </summary>
internal sealed partial class RecoveryFlowService(
    FlowFactory factory,
    IFlowStore store,
    FlowResponder responder,
    RecoverySender sender,
    IOneTimeSecretStore secrets,
    OneTimeSecrets hmac,
    IPrivilegedIdentityPool identities,
    SessionManager sessions,
    SettingsFlowService settings,
    HookPipeline<IPostRecoveryHook, PostRecoveryContext> hooks,
    DbSession db)
{
    private CustosOptions O => factory.Options;

    /// <summary>The method <c>selfservice.flows.recovery.use</c> names, for flows that have not chosen one yet.</summary>
    private string Method => sender.UsesLink ? RecoveryMethods.Link : RecoveryMethods.Code;

    /// <summary>
    /// The method that issued this flow's code or link redeems it: as in Kratos, a flow an admin created with
    /// <c>/admin/recovery/link</c> belongs to the link method and one from <c>/admin/recovery/code</c> to the code
    /// method, whatever <c>use</c> says.
    /// </summary>
    private string MethodOf(RecoveryFlow flow) => flow.Active ?? Method;

    public async Task<IResult> CreateAsync(HttpContext context, string type, CancellationToken ct)
    {
        EnsureEnabled();
        if (await sessions.FromRequestAsync(context, ct) is not null)
        {
            if (type == FlowTypes.Browser && !ContentNegotiation.AcceptsJson(context.Request))
            {
                return FlowResponder.Redirect(factory.ReturnTo(context) ?? O.Selfservice.DefaultBrowserReturnUrl, StatusCodes.Status302Found);
            }

            throw SessionAlreadyAvailable();
        }

        var flow = factory.Init(New(type, FlowUrls.RequestUrl(context, O)), context);
        flow.SkipSettings = FlowQuery.Flag(context.Request, "skip_settings");
        PopulateChooseMethod(flow, null);
        await store.CreateAsync(flow, ct);
        return responder.Created(context, flow);
    }

    public async Task<IResult> GetAsync(HttpContext context, CancellationToken ct)
    {
        EnsureEnabled();
        var flow = await Load(FlowRequests.FlowId(context, "id"), ct);
        // Flows an admin created are opened from a link the admin handed out, in a browser without the flow's cookie.
        if (!flow.SkipCsrfCheck)
        {
            factory.VerifyCsrfCookie(context, flow);
        }
        else if (flow.IsBrowser && flow.CsrfToken.Length == 0 && flow.State != "passed_challenge")
        {
            // The first browser to open an admin-created flow binds it, so that its later submissions carry a token.
            flow.CsrfToken = factory.EnsureCsrf(context);
            await store.UpdateAsync(flow, ct);
        }

        if (flow.IsExpired(factory.Now))
        {
            throw FlowRequests.Expired(flow, FlowUrls.Public(O, ""), withId: !flow.IsBrowser);
        }

        if (flow.State != "passed_challenge")
        {
            factory.AddCsrfNode(flow);
        }

        return Results.Json(flow.ToJson());
    }

    private async Task<RecoveryFlow> Load(Guid id, CancellationToken ct) =>
        await store.GetAsync<RecoveryFlow>(id, ct) ?? throw KratosErrors.NotFound("The recovery request could not be found. Please restart the flow.");

    private void EnsureEnabled()
    {
        if (!O.Selfservice.Flows.Recovery.Enabled)
        {
            throw KratosErrors.BadRequest("Recovery is not allowed because it was disabled.");
        }
    }

    internal static CustosException SessionAlreadyAvailable() =>
        new(400, "you are already logged in", "A valid session was detected and thus recovery is not possible.", "session_already_available");

    private static RecoveryFlow New(string type, string requestUrl) =>
        new() { Id = Guid.NewGuid(), Type = type, RequestUrl = requestUrl, Ui = new UiContainer { Action = "" } };

    /// <summary>The first step's form for <paramref name="method"/> (by default the one <c>use</c> names).</summary>
    private void PopulateChooseMethod(RecoveryFlow flow, string? email, string? method = null)
    {
        method ??= Method;
        var link = method == RecoveryMethods.Link;
        var group = link ? UiNodeGroup.Link : UiNodeGroup.Code;
        flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        flow.Ui.Nodes.Add(UiNode.Input(group, "email", "email", email, required: true, autocomplete: "email", label: Messages.InfoNodeLabelEmail()));
        flow.Ui.Nodes.Add(UiNode.Input(group, "method", "submit", method, label: link ? Messages.InfoNodeLabelSubmit() : Messages.InfoNodeLabelContinue()));
    }

    /// <summary>The code form: what the person types after the e-mail arrived, plus a resend button.</summary>
    private static void PopulateCodeForm(RecoveryFlow flow, string? email)
    {
        flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Code, "code", "text", required: true, autocomplete: "one-time-code", label: Messages.InfoNodeLabelRecoveryCode(), pattern: "[0-9]+", maxLength: 6));
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Code, "method", "hidden", "code"));
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Code, "method", "submit", "code", label: Messages.InfoNodeLabelContinue()));
        if (email is not null)
        {
            flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Code, "email", "submit", email, label: Messages.InfoNodeLabelResendOTP()));
        }
    }

    /// <summary>
    /// A new flow in place of one that cannot go on, carrying <paramref name="message"/>. Like Kratos's retry, it keeps
    /// the method of the flow it replaces while that method is enabled, so a used admin link leads to a link flow.
    /// </summary>
    private async Task<RecoveryFlow> ReplaceAsync(HttpContext context, RecoveryFlow old, UiText message, CancellationToken ct)
    {
        var replacement = New(old.Type, old.RequestUrl);
        replacement.SkipSettings = old.SkipSettings;
        if (old.Active is { } kept && O.Selfservice.Methods.IsEnabled(kept))
        {
            replacement.Active = kept;
        }

        factory.InitReplacement(replacement, old, context);
        PopulateChooseMethod(replacement, null, MethodOf(replacement));
        replacement.Ui.Messages.Add(message);
        await store.CreateAsync(replacement, ct);
        return replacement;
    }
}
