namespace Custos.Config.View;

/// <summary><c>GET /admin/config</c> (issue 14 §5, scope <c>config:read</c>): the effective configuration, secrets redacted.</summary>
internal static class ConfigAdminEndpoints
{
    public static void MapConfigAdminEndpoints(this RouteGroupBuilder admin) =>
        admin.MapGet("/config", (ConfigurationLoadResult loaded) =>
            Results.Json(ConfigRedactor.Redact(EffectiveConfigWriter.Write(loaded.Options)))).WithName("getConfig");
}
