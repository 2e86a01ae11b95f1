using Custos.Hosting;
using Custos.Sessions;

namespace Custos.SelfService.Hooks;

/// <summary>
/// <c>session</c>: signs the new identity in. Without it a registration hands out no session; Kratos still stores an
/// unused one then, Custos stores none.
/// </summary>
internal sealed class SessionIssuerHook(SessionManager sessions, TimeProvider clock) : IPostRegistrationHook
{
    public HookKind Kind => HookKind.Session;

    public async Task<HookResult> RunAsync(PostRegistrationContext context, PlannedHook hook, CancellationToken ct)
    {
        var session = sessions.NewSession(context.Identity, new AuthenticationMethod(context.Method, "aal1", Clock.Now(clock), Provider(context)), context.Request.Device);
        var issued = await sessions.PersistAsync(session, ct);
        context.Session = issued;
        session.Identity ??= context.Identity;
        if (context.Flow.IsBrowser)
        {
            // Browsers get the cookie (JSON ones too), written once the registration's transaction has committed; API
            // clients get the token in the answer's body.
            context.Request.Cookies.SetSession(issued.Token, session.ExpiresAt);
        }

        return HookResult.Continue;
    }

    // A social sign-up names its provider in the session's entry, as Kratos (the new identity has exactly one).
    private static string? Provider(PostRegistrationContext context) =>
        context.Method == Identity.CredentialTypes.Oidc
        && context.Identity.Credentials.GetValueOrDefault(Identity.CredentialTypes.Oidc)?.Config["providers"] is System.Text.Json.Nodes.JsonArray { Count: > 0 } providers
            ? providers[0]?["provider"]?.GetValue<string>()
            : null;
}
