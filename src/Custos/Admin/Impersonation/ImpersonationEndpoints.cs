using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Sessions;

namespace Custos.Admin.Impersonation;

/// <summary><c>POST /admin/identities/{id}/impersonate</c> <c>{reason, ttl}</c> → 201 <c>{session_token, session}</c> (scope <c>impersonate</c>).</summary>
internal static class ImpersonationEndpoints
{
    public const string Route = "/identities/{id}/impersonate";

    public static void MapImpersonationEndpoints(this RouteGroupBuilder admin) =>
        admin.MapPost(Route, StartAsync).WithName("impersonateIdentity");

    private static async Task<IResult> StartAsync(string id, HttpContext context, ImpersonationService service, SessionManager sessions, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var identityId))
        {
            throw KratosErrors.RowNotFound();
        }

        if (await JsonBody.ReadAsync(context.Request, ct) is not JsonObject body)
        {
            throw KratosErrors.BadRequest("The request body must be a JSON object {reason, ttl}.");
        }

        var issued = await service.StartAsync(identityId, StringOf(body, "reason"), StringOf(body, "ttl"), AdminCaller.Of(context), ClientDevice.From(context), ct);
        return Results.Json(new JsonObject
        {
            ["session_token"] = issued.Token,
            ["session"] = sessions.ToJson(issued.Session, admin: true),
        }, statusCode: StatusCodes.Status201Created);
    }

    private static string? StringOf(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw KratosErrors.BadRequest($"{name} must be a string."),
    };
}
