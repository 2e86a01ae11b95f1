using Custos.Audit;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Strategies.Link;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Flows.Recovery;

/// <summary>
/// <c>POST /admin/recovery/code</c> and <c>POST /admin/recovery/link</c>: an admin creates a recovery flow for an
/// identity and hands the code (with the UI link) or the link to the person.
/// </summary>
internal static class RecoveryAdminEndpoints
{
    public static void MapRecoveryAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapPost("/recovery/code", CodeAsync).WithName("createRecoveryCodeForIdentity");
        admin.MapPost("/recovery/link", LinkAsync).WithName("createRecoveryLinkForIdentity");
    }

    private static async Task<IResult> CodeAsync(HttpContext context, RecoveryFlowService recovery, CodeStrategy code, IIdentityPool identities, IOptionsMonitor<CustosOptions> options, AdminAudit audit, CancellationToken ct)
    {
        var o = options.CurrentValue;
        if (!code.IsEnabled(o))
        {
            throw KratosErrors.EndpointDisabled();
        }

        EnsureRecoveryEnabled(o);
        var body = await ReadBodyAsync(context, ct);
        var type = body["flow_type"] is null ? FlowTypes.Browser : body["flow_type"]!.GetValueKind() == System.Text.Json.JsonValueKind.String ? body["flow_type"]!.GetValue<string>() : "";
        if (type is not (FlowTypes.Browser or FlowTypes.Api))
        {
            throw KratosErrors.BadRequest("flow_type must be one of \"browser\" or \"api\".");
        }

        var expiresIn = ExpiresIn(body, o.Selfservice.Methods.Code.Config.Lifespan);
        var identity = await identities.GetAsync(IdentityId(body), withCredentials: false, ct) ?? throw KratosErrors.NotFound("could not find identity");
        var (flow, recoveryCode) = await audit.RecordAsync(AuditEventTypes.RecoveryCodeCreated, async c =>
        {
            var created = await recovery.CreateForAdminAsync(type, expiresIn, null, code, c);
            return (created, await code.IssueAdminRecoveryCodeAsync(created, identity.Id, expiresIn, c));
        }, r => (true, identity.Id, new JsonObject { ["flow_id"] = r.created.Id.ToString("D") }), ct);
        return Results.Json(new JsonObject
        {
            ["recovery_link"] = FlowUrls.Ui(FlowKind.Recovery, o, flow.Id),
            ["recovery_code"] = recoveryCode,
            ["expires_at"] = KratosTime.Format(flow.ExpiresAt),
        }, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> LinkAsync(HttpContext context, RecoveryFlowService recovery, LinkStrategy link, IIdentityPool identities, IOptionsMonitor<CustosOptions> options, ReturnTo.ReturnToValidator returnTo, AdminAudit audit, CancellationToken ct)
    {
        var o = options.CurrentValue;
        if (!link.IsEnabled(o))
        {
            throw KratosErrors.EndpointDisabled();
        }

        EnsureRecoveryEnabled(o);
        var body = await ReadBodyAsync(context, ct);
        var expiresIn = ExpiresIn(body, o.Selfservice.Methods.Link.Config.Lifespan);
        var identity = await identities.GetAsync(IdentityId(body), withCredentials: false, ct) ?? throw KratosErrors.BadRequest("The requested identity id does not exist.");
        var target = context.Request.Query["return_to"].FirstOrDefault();
        returnTo.Validate(target);
        var (flow, recoveryLink) = await audit.RecordAsync(AuditEventTypes.RecoveryLinkCreated, async c =>
        {
            var created = await recovery.CreateForAdminAsync(FlowTypes.Browser, expiresIn, string.IsNullOrEmpty(target) ? null : target, link, c);
            return (created, await link.IssueAdminRecoveryLinkAsync(created, identity.Id, expiresIn, c));
        }, r => (true, identity.Id, new JsonObject { ["flow_id"] = r.created.Id.ToString("D") }), ct);
        return Results.Json(new JsonObject
        {
            ["recovery_link"] = recoveryLink,
            ["expires_at"] = KratosTime.Format(flow.ExpiresAt),
        });
    }

    private static void EnsureRecoveryEnabled(CustosOptions o)
    {
        if (!o.Selfservice.Flows.Recovery.Enabled)
        {
            throw KratosErrors.BadRequest("Recovery is not allowed because it was disabled.");
        }
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpContext context, CancellationToken ct) =>
        await JsonBody.ReadAsync(context.Request, ct) as JsonObject ?? throw KratosErrors.BadRequest("The request body must be a JSON object.");

    private static Guid IdentityId(JsonObject body)
    {
        var raw = body["identity_id"] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;
        return Guid.TryParse(raw, out var id) ? id : throw KratosErrors.BadRequest("identity_id must be the UUID of an identity.");
    }

    private static TimeSpan ExpiresIn(JsonObject body, TimeSpan fallback)
    {
        if (body["expires_in"] is null)
        {
            return fallback;
        }

        var text = body["expires_in"] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;
        if (!GoDuration.TryParse(text, out var value))
        {
            throw KratosErrors.BadRequest($"Unable to parse \"expires_in\" whose format should match \"[0-9]+(ns|us|ms|s|m|h)\" but did not: {text}");
        }

        return value > TimeSpan.Zero ? value : throw KratosErrors.BadRequest($"Value from \"expires_in\" must result to a future time: {text}");
    }
}
