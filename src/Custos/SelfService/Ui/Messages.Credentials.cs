using System.Globalization;
using System.Text;

namespace Custos.SelfService.Ui;

/// <summary>Credential and password-policy messages: 4000005–4000016, 4000027–4000028, 4000031–4000039, 4000042–4000046.</summary>
internal static partial class Messages
{
    public static UiText ErrorValidationPasswordPolicyViolationGeneric(string reason) =>
        Error(4000005, $"The password can not be used because {reason}.", ("reason", reason));

    public static UiText ErrorValidationInvalidCredentials() =>
        Error(4000006, "The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.");

    public static UiText ErrorValidationDuplicateCredentials() =>
        Error(4000007, "An account with the same identifier (email, phone, username, ...) exists already.");

    public static UiText ErrorValidationTOTPVerifierWrong() => Error(4000008, "The provided authentication code is invalid, please try again.");

    public static UiText ErrorValidationIdentifierMissing() =>
        Error(4000009, "Could not find any login identifiers. Did you forget to set them? This could also be caused by a server misconfiguration.");

    public static UiText ErrorValidationAddressNotVerified() => Error(4000010, "Account not active yet. Did you forget to verify your email address?");

    public static UiText ErrorValidationNoTOTPDevice() => Error(4000011, "You have no TOTP device set up.");

    public static UiText ErrorValidationLookupAlreadyUsed() => Error(4000012, "This backup recovery code has already been used.");

    public static UiText ErrorValidationNoWebAuthnDevice() => Error(4000013, "You have no WebAuthn device set up.");

    public static UiText ErrorValidationNoLookup() => Error(4000014, "You have no backup recovery codes set up.");

    public static UiText ErrorValidationSuchNoWebAuthnUser() => Error(4000015, "This account does not exist or has no security key set up.");

    public static UiText ErrorValidationLookupInvalid() => Error(4000016, "The backup recovery code is not valid.");

    public static UiText ErrorValidationDuplicateCredentialsOnOIDCLink() =>
        Error(4000027, "An account with the same identifier (email, phone, username, ...) exists already. Please sign in to your existing account to link your social profile.");

    /// <summary>4000028: names the credential types and social providers the existing account can sign in with.</summary>
    public static UiText ErrorValidationDuplicateCredentialsWithHints(IReadOnlyList<string> availableCredentialTypes,
        IReadOnlyList<string> availableOidcProviders, string credentialIdentifierHint)
    {
        var identifier = credentialIdentifierHint.Length == 0 ? "an email, phone, or username" : credentialIdentifierHint;
        var text = new StringBuilder($"You tried signing in with {identifier} which is already in use by another account.");
        if (availableCredentialTypes.Count > 0)
        {
            var readable = availableCredentialTypes.Select(HumanCredentialType).OfType<string>().ToList();
            if (readable.Count == 0)
            {
                readable.AddRange(availableCredentialTypes);
            }

            readable = readable.Distinct(StringComparer.Ordinal).ToList();
            if (readable.Count > 1)
            {
                readable[^1] = "or " + readable[^1];
            }

            text.Append(CultureInfo.InvariantCulture, $" You can sign in using {string.Join(", ", readable)}.");
        }

        if (availableOidcProviders.Count > 0)
        {
            var providers = availableOidcProviders.Select(p => p.IndexOfAny(['{', '}']) >= 0 ? p : TitleCase(p));
            text.Append(CultureInfo.InvariantCulture, $" You can sign in using one of the following social sign in providers: {string.Join(", ", providers)}.");
        }

        return Error(4000028, text.ToString(),
            ("available_credential_types", availableCredentialTypes), ("available_oidc_providers", availableOidcProviders),
            ("credential_identifier_hint", credentialIdentifierHint));
    }

    public static UiText ErrorValidationPasswordIdentifierTooSimilar() =>
        Error(4000031, "The password can not be used because it is too similar to the identifier.");

    public static UiText ErrorValidationPasswordMinLength(int minLength, int actualLength) =>
        Error(4000032, $"The password must be at least {minLength} characters long, but got {actualLength}.",
            ("min_length", minLength), ("actual_length", actualLength));

    public static UiText ErrorValidationPasswordMaxLength(int maxLength, int actualLength) =>
        Error(4000033, $"The password must be at most {maxLength} characters long, but got {actualLength}.",
            ("max_length", maxLength), ("actual_length", actualLength));

    public static UiText ErrorValidationPasswordTooManyBreaches(long breaches) =>
        Error(4000034, "The password has been found in data breaches and must no longer be used.", ("breaches", breaches));

    public static UiText ErrorValidationNoCodeUser() => Error(4000035, "This account does not exist or has not setup sign in with code.");

    public static UiText ErrorValidationTraitsMismatch() =>
        Error(4000036, "The provided traits do not match the traits previously associated with this flow.");

    public static UiText ErrorValidationAccountNotFound() => Error(4000037, "This account does not exist or has no login method configured.");

    public static UiText ErrorValidationCaptchaError() => Error(4000038, "Captcha verification failed, please try again.");

    public static UiText ErrorValidationPasswordNewSameAsOld() => Error(4000039, "The new password must be different from the old password.");

    public static UiText ErrorValidationNoDeviceAuthnDevice() => Error(4000042, "You have no DeviceAuthn device set up.");

    public static UiText ErrorValidationWebAuthnVerifierWrong() => Error(4000043, "The provided web authn login is invalid, please try again.");

    public static UiText ErrorValidationDeviceAuthnVerifierWrong() => Error(4000044, "The provided DeviceAuthn signature is invalid.");

    public static UiText ErrorValidationDeviceAuthnRelaxedAttestationNoLongerValid() =>
        Error(4000045, "This DeviceAuthn key can no longer be used because relaxed attestation is expired or disabled. Please enroll your device again.");

    public static UiText ErrorValidationDeviceAuthnKeyReenrollmentRequired() =>
        Error(4000046, "This DeviceAuthn key was enrolled before user verification was introduced and can no longer be used. Please enroll your device again.");

    private static string? HumanCredentialType(string type) => type switch
    {
        "password" => "your password",
        "oidc" or "saml" => "social sign in",
        "webauthn" => "your passkey or a security key",
        "passkey" => "your passkey",
        _ => null,
    };

    // golang.org/x/text/cases.Title for English: upper-case the first letter of each word, lower-case the rest.
    private static string TitleCase(string value)
    {
        var builder = new StringBuilder(value.Length);
        var startOfWord = true;
        foreach (var c in value)
        {
            builder.Append(startOfWord ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            startOfWord = !char.IsLetterOrDigit(c) && c != '\'';
        }

        return builder.ToString();
    }
}
