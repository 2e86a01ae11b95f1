using Custos.Audit;
using Custos.Hosting;
using Custos.Identity;

namespace Custos.Security.Throttling;

/// <summary><c>DELETE /admin/identities/{id}/throttling</c>: lifts an identity's lockout (a Custos route; Kratos has no throttling).</summary>
internal static class ThrottlingAdminEndpoints
{
    public static void MapThrottlingAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapDelete("/identities/{id}/throttling", ClearAsync).WithName("deleteIdentityThrottling");
    }

    private static async Task<IResult> ClearAsync(string id, IIdentityPool pool, FlowThrottle throttle, AdminAudit audit, CancellationToken ct)
    {
        // A malformed id is simply unknown, as for every identity route.
        var identity = Guid.TryParse(id, out var guid) ? await pool.GetAsync(guid, withCredentials: true, ct) : null;
        if (identity is null)
        {
            throw KratosErrors.RowNotFound();
        }

        await audit.RecordAsync(AuditEventTypes.ThrottlingCleared, async c => { await throttle.ClearIdentityAsync(identity, c); return true; },
            _ => (true, identity.Id, []), ct);
        return Results.NoContent();
    }
}
