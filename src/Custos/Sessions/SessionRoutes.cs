namespace Custos.Sessions;

/// <summary>Kratos's session paths: public ones at the root, admin ones under the <c>/admin</c> group.</summary>
internal static class SessionRoutes
{
    public const string Whoami = "/sessions/whoami";
    public const string MySessions = "/sessions";
    public const string MySession = "/sessions/{id}";

    public const string AdminSessions = "/sessions";
    public const string AdminSession = "/sessions/{id}";
    public const string AdminExtend = "/sessions/{id}/extend";
    public const string AdminIdentitySessions = "/identities/{id}/sessions";

    /// <summary>Methods whoami answers to (Kratos registers it for all of them).</summary>
    public static readonly string[] WhoamiMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "OPTIONS", "CONNECT", "TRACE"];
}
