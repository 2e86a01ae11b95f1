using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Sessions;

namespace Custos.SelfService.Strategies.Oidc.TokenExchange;

/// <summary>Kratos's <c>GET /sessions/token-exchange</c> on the public listener (<c>exchangeSessionToken</c>).</summary>
internal static class SessionTokenExchangeEndpoints
{
    public const string Route = "/sessions/token-exchange";

    public static void MapSessionTokenExchangeEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Route, ExchangeAsync).WithName("exchangeSessionToken");

    private static async Task<IResult> ExchangeAsync(HttpContext context, ISessionTokenExchanges exchanges, SessionManager sessions, CancellationToken ct)
    {
        var query = context.Request.Query;
        var initCode = query["init_code"].FirstOrDefault();
        var returnToCode = query["return_to_code"].FirstOrDefault();
        if (string.IsNullOrEmpty(initCode) || string.IsNullOrEmpty(returnToCode))
        {
            throw KratosErrors.BadRequest("\"init_code\" and \"return_to_code\" query params must be set");
        }

        return await exchanges.ExchangeAsync(initCode, returnToCode, ct) switch
        {
            SessionTokenExchangeResult.Exchanged done => Results.Json(new JsonObject
            {
                ["session_token"] = done.SessionToken,
                ["session"] = sessions.ToJson(done.Session),
            }),
            // Kratos: the flow ended without a session (e.g. a before-registration web hook refused it); the app gets
            // the flow with its messages.
            SessionTokenExchangeResult.Pending pending => Results.Json(pending.Flow.ToJson(), statusCode: StatusCodes.Status422UnprocessableEntity),
            _ => throw KratosErrors.NotFound("no session yet for this \"code\""),
        };
    }
}
