using System.Reflection;
using System.Text.Json.Nodes;
using Custos.Persistence;
using Dapper;

namespace Custos.Hosting;

/// <summary><c>/health/alive</c>, <c>/health/ready</c> and <c>/version</c>, on both listeners.</summary>
internal static class HealthEndpoints
{
    public static string Version { get; } =
        "v" + (typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var prefix in new[] { "", "/admin" })
        {
            endpoints.MapGet(prefix + "/health/alive", () => Results.Json(new JsonObject { ["status"] = "ok" })).WithName(prefix + "isAlive");
            endpoints.MapGet(prefix + "/health/ready", ReadyAsync).WithName(prefix + "isReady");
            endpoints.MapGet(prefix + "/version", () => Results.Json(new JsonObject { ["version"] = Version })).WithName(prefix + "getVersion");
        }
    }

    // Probes the database on every call, so readiness returns on its own once the database is back.
    private static async Task<IResult> ReadyAsync(HttpContext context, IDbConnectionFactory factory, Migrator migrator)
    {
        var errors = new JsonObject();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await using var connection = await factory.OpenAsync(timeout.Token);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: timeout.Token));
            var pending = await migrator.PendingAsync(timeout.Token);
            if (pending.Count > 0)
            {
                errors["migrations"] = $"{pending.Count} database migrations are pending; run \"custos migrate sql\"";
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            errors["database"] = e is OperationCanceledException ? "the database did not answer in time" : e.Message;
        }

        if (errors.Count == 0)
        {
            return Results.Json(new JsonObject { ["status"] = "ok" });
        }

        if (ListenerMiddleware.Of(context) == Listener.Public)
        {
            foreach (var key in errors.Select(kv => kv.Key).ToList())
            {
                errors[key] = "error may contain sensitive information and was obfuscated";
            }
        }

        return Results.Json(new JsonObject { ["errors"] = errors }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
