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
        var session = sessions.NewSession(context.Identity, new AuthenticationMethod(context.Method, "aal1", Clock.Now(clock), null), context.Request.Device);
        context.Session = await sessions.PersistAsync(session, ct);
        session.Identity ??= context.Identity;
        return HookResult.Continue;
    }
}
