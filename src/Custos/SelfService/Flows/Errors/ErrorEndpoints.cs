using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.SelfService.Flows.Errors;

/// <summary><c>GET /self-service/errors?id=</c> (<c>getFlowError</c>); <c>stub:500</c> answers a canned error.</summary>
internal static class ErrorEndpoints
{
    public static void MapSelfServiceErrorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/self-service/errors", GetAsync).WithName("getFlowError");
    }

    private static async Task<IResult> GetAsync(HttpContext context, SelfServiceErrorStore store, TimeProvider clock, CancellationToken ct)
    {
        var id = context.Request.Query["id"].FirstOrDefault() ?? context.Request.Query["error"].FirstOrDefault();
        if (id == "stub:500")
        {
            var now = KratosTime.Format(Clock.Now(clock));
            return Results.Json(new JsonObject
            {
                ["id"] = "stub:500",
                ["error"] = new JsonObject { ["code"] = 500, ["status"] = "Internal Server Error", ["reason"] = "This is a stub error.", ["message"] = "An internal server error occurred, please contact the system administrator" },
                ["created_at"] = now,
                ["updated_at"] = now,
            });
        }

        if (!Guid.TryParse(id, out var guid))
        {
            throw KratosErrors.NotFound("The requested error could not be found.");
        }

        return Results.Json(await store.ReadAsync(guid, ct) ?? throw KratosErrors.NotFound("The requested error could not be found."));
    }
}
