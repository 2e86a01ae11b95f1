namespace Custos.Ui.Pages;

/// <summary>One self-service flow page: its path under <c>/ui/</c>, the API route segment, Kratos's get operation and the heading.</summary>
internal sealed record FlowPageKind(string Page, string GetOperation, string Title, string Intro)
{
    public static readonly FlowPageKind Login = new("login", "getLoginFlow", "Sign in", "Welcome back. Sign in to continue.")
    {
        GroupCaptions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["code"] = "Email me a code",
            ["totp"] = "Use your authenticator app",
            ["lookup_secret"] = "Use a backup recovery code",
            ["passkey"] = "Use a passkey",
            ["webauthn"] = "Use a security key",
        },
    };

    public static readonly FlowPageKind Registration = new("registration", "getRegistrationFlow", "Create your account", "It takes less than a minute.")
    {
        GroupCaptions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["code"] = "Sign up with a code we email you",
            ["passkey"] = "Sign up with a passkey",
            ["webauthn"] = "Sign up with a security key",
        },
    };

    public static readonly FlowPageKind Settings = new("settings", "getSettingsFlow", "Account settings", "Update your profile and how you sign in.");

    public static readonly FlowPageKind Recovery = new("recovery", "getRecoveryFlow", "Recover your account", "We will email you a code to get back into your account.");

    public static readonly FlowPageKind Verification = new("verification", "getVerificationFlow", "Verify your email address", "Enter the code we emailed you.");

    public static readonly IReadOnlyList<FlowPageKind> All = [Login, Registration, Settings, Recovery, Verification];

    /// <summary>Query parameters a page passes on when it starts a flow (the API ignores those that do not apply).</summary>
    public static readonly string[] InitParameters = ["return_to", "refresh", "aal", "login_challenge", "identity_schema", "organization", "via"];

    /// <summary>Captions of the methods a one-form page offers side by side (group name to text).</summary>
    public IReadOnlyDictionary<string, string> GroupCaptions { get; init; } = new Dictionary<string, string>();

    /// <summary>The flow's route segment under <c>/self-service/</c>, the same as the page name.</summary>
    public string Segment => Page;

    /// <summary>Settings forms save independently; the others submit one form whose pressed method decides.</summary>
    public bool FormPerGroup => this == Settings;
}
