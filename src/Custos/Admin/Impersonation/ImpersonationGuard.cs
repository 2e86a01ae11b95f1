using Custos.Hosting;
using Custos.Sessions;

namespace Custos.Admin.Impersonation;

/// <summary>
/// What an impersonated session may not do in settings (issue 14 §4): anything but the <c>profile</c> method (so no
/// password, TOTP, backup codes, security keys, passkeys or linked providers), and no profile change that moves a
/// recovery address or a login identifier. The answer is a 403 in Kratos's envelope.
/// </summary>
internal static class ImpersonationGuard
{
    private const string ProfileMethod = "profile";

    /// <summary>The refusal for a settings submission with <paramref name="method"/>, or null when it may go on.</summary>
    public static CustosException? RefuseMethod(Session session, string? method) =>
        session.Impersonator is not null && method != ProfileMethod
            ? Refusal("An impersonated session cannot change credentials.")
            : null;

    /// <summary>The refusal for a profile change from <paramref name="before"/> to <paramref name="after"/>, or null.</summary>
    public static CustosException? RefuseChange(Session session, Identity.Identity before, Identity.Identity after)
    {
        if (session.Impersonator is null)
        {
            return null;
        }

        if (Addresses(before) != Addresses(after))
        {
            return Refusal("An impersonated session cannot change recovery addresses.");
        }

        return Identifiers(before) != Identifiers(after) ? Refusal("An impersonated session cannot change login identifiers.") : null;
    }

    private static CustosException Refusal(string reason) => KratosErrors.Forbidden(reason);

    private static string Addresses(Identity.Identity i) =>
        string.Join(",", i.RecoveryAddresses.Select(a => a.Via + ":" + a.Value).Order(StringComparer.Ordinal));

    private static string Identifiers(Identity.Identity i) =>
        string.Join("|", i.Credentials.Values.OrderBy(c => c.Type, StringComparer.Ordinal)
            .Select(c => c.Type + ":" + string.Join(",", c.Identifiers.Order(StringComparer.Ordinal))));
}
