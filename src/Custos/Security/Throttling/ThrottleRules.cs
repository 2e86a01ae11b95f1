namespace Custos.Security.Throttling;

/// <summary>The rule names: the keys under <c>security.throttling</c> and the <c>rule</c> column of <c>throttle_counters</c>.</summary>
internal static class ThrottleRules
{
    /// <summary>Failed password logins for one identifier from one client address.</summary>
    public const string LoginIdentifier = "login_identifier";

    /// <summary>Failed password logins for one identifier from every address.</summary>
    public const string LoginIdentifierCeiling = "login_identifier_ceiling";

    /// <summary>Failed submissions of any flow from one client address.</summary>
    public const string LoginAddress = "login_address";

    /// <summary>Wrong codes for one identity across flows.</summary>
    public const string CodeIdentity = "code_identity";

    /// <summary>Messages to one recipient address.</summary>
    public const string CourierAddress = "courier_address";

    /// <summary>Messages requested by one client address.</summary>
    public const string CourierClient = "courier_client";

    /// <summary>Registration submissions from one client address.</summary>
    public const string RegistrationAddress = "registration_address";

    /// <summary>Every rule, in configuration order.</summary>
    public static readonly IReadOnlyList<string> All =
        [LoginIdentifier, LoginIdentifierCeiling, LoginAddress, CodeIdentity, CourierAddress, CourierClient, RegistrationAddress];
}
