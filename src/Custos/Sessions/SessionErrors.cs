using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Sessions;

/// <summary>The session errors of Kratos, with its exact ids, reasons and enhanced top-level fields.</summary>
internal static class SessionErrors
{
    public const string WhoamiReason = "No valid session credentials found in the request.";
    public const string ListReason = "No valid session cookie found.";

    /// <summary>
    /// 401 without an error id: Kratos documents <c>session_inactive</c> here but its code sends none, and Custos
    /// follows the code so that clients comparing bodies see the same envelope.
    /// </summary>
    public static CustosException NoActiveSession(string reason = WhoamiReason) => KratosErrors.Unauthorized(reason);

    /// <summary>
    /// 403 <c>session_aal2_required</c>, pointing the browser at <paramref name="redirect"/> (the aal2 login, built by
    /// <c>SessionAalGuard.StepUpUrl</c>) both in <c>details</c> and at the top level, as Kratos's enhanced error does.
    /// </summary>
    public static CustosException Aal2Required(string redirect)
    {
        return new CustosException(
            403,
            "Session does not fulfill the requested Authenticator Assurance Level",
            "An active session was found but it does not fulfill the requested Authenticator Assurance Level. Please verify yourself with a second factor to resolve this issue.",
            "session_aal2_required")
        {
            Details = new JsonObject { ["redirect_browser_to"] = redirect },
            TopLevel = new JsonObject { ["redirect_browser_to"] = redirect },
        };
    }

    /// <summary>400 <c>identity_disabled</c>: an inactive identity cannot be given a session.</summary>
    public static CustosException IdentityDisabled() =>
        new(400, "identity is disabled", "This account was disabled.", "identity_disabled");
}
