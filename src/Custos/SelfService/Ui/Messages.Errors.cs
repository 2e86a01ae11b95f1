namespace Custos.SelfService.Ui;

/// <summary>System errors: 5000001–5000003.</summary>
internal static partial class Messages
{
    /// <summary>5000001: the text is the reason itself, context {reason}.</summary>
    public static UiText ErrorSystemGeneric(string reason) => Error(5000001, reason, ("reason", reason));

    public static UiText ErrorSystemNoAuthenticationMethodsAvailable() =>
        Error(5000002, "No authentication methods are available. Please contact the system administrator.");

    public static UiText ErrorSystemOrganizationNoSSOProvidersAvailable() =>
        Error(5000003, "Your organization requires SSO authentication, but no SSO provider is configured. Please contact the system administrator.");
}
