using Custos.Config;

namespace Custos.Courier.Templates;

/// <summary>
/// Where each template type lives: its directory under <c>courier.template_override_path</c> (Kratos's layout,
/// <c>&lt;dir&gt;/&lt;valid|invalid&gt;/email.subject.gotmpl</c> ...), its key under <c>courier.templates</c>, and which
/// channels have a built-in template.
/// </summary>
internal static class CourierTemplateCatalog
{
    private static readonly Dictionary<string, (string Directory, string Variant, bool Sms)> Types = new(StringComparer.Ordinal)
    {
        [CourierTemplateTypes.RecoveryValid] = ("recovery", "valid", false),
        [CourierTemplateTypes.RecoveryInvalid] = ("recovery", "invalid", false),
        [CourierTemplateTypes.RecoveryCodeValid] = ("recovery_code", "valid", true),
        [CourierTemplateTypes.RecoveryCodeInvalid] = ("recovery_code", "invalid", false),
        [CourierTemplateTypes.VerificationValid] = ("verification", "valid", false),
        [CourierTemplateTypes.VerificationInvalid] = ("verification", "invalid", false),
        [CourierTemplateTypes.VerificationCodeValid] = ("verification_code", "valid", true),
        [CourierTemplateTypes.VerificationCodeInvalid] = ("verification_code", "invalid", false),
        [CourierTemplateTypes.LoginCodeValid] = ("login_code", "valid", true),
        [CourierTemplateTypes.RegistrationCodeValid] = ("registration_code", "valid", true),
    };

    /// <summary>True for a known template type.</summary>
    public static bool IsKnown(string templateType) => Types.ContainsKey(templateType);

    /// <summary>True when the type has an SMS template (the <c>*_code_valid</c> types).</summary>
    public static bool HasSms(string templateType) => Types.TryGetValue(templateType, out var t) && t.Sms;

    /// <summary>The file of <paramref name="part"/> relative to the template root, e.g. <c>login_code/valid/email.subject.gotmpl</c>.</summary>
    public static string RelativePath(string templateType, CourierTemplatePart part, string extension = ".gotmpl")
    {
        var (directory, variant, _) = Lookup(templateType);
        return $"{directory}/{variant}/{FileStem(part)}{extension}";
    }

    /// <summary>The YAML path of the <c>courier.templates</c> entry for <paramref name="part"/>, for messages.</summary>
    public static string ConfigPath(string templateType, CourierTemplatePart part)
    {
        var (directory, variant, _) = Lookup(templateType);
        return $"courier.templates.{directory}.{variant}." + part switch
        {
            CourierTemplatePart.EmailSubject => "email.subject",
            CourierTemplatePart.EmailBodyHtml => "email.body.html",
            CourierTemplatePart.EmailBodyPlaintext => "email.body.plaintext",
            _ => "sms.body.plaintext",
        };
    }

    /// <summary>The <c>courier.templates</c> URI configured for <paramref name="part"/>, or null.</summary>
    public static string? ConfiguredUri(CourierOptions courier, string templateType, CourierTemplatePart part)
    {
        var (directory, variant, _) = Lookup(templateType);
        if (!courier.Templates.TryGetValue(directory, out var set))
        {
            return null;
        }

        var chosen = variant == "valid" ? set.Valid : set.Invalid;
        var uri = part switch
        {
            CourierTemplatePart.EmailSubject => chosen.Email.Subject,
            CourierTemplatePart.EmailBodyHtml => chosen.Email.Body.Html,
            CourierTemplatePart.EmailBodyPlaintext => chosen.Email.Body.Plaintext,
            _ => chosen.Sms.Body.Plaintext,
        };
        return string.IsNullOrWhiteSpace(uri) ? null : uri;
    }

    private static string FileStem(CourierTemplatePart part) => part switch
    {
        CourierTemplatePart.EmailSubject => "email.subject",
        CourierTemplatePart.EmailBodyHtml => "email.body",
        CourierTemplatePart.EmailBodyPlaintext => "email.body.plaintext",
        _ => "sms.body",
    };

    private static (string Directory, string Variant, bool Sms) Lookup(string templateType) =>
        Types.TryGetValue(templateType, out var t) ? t : throw new ArgumentException($"unknown courier template type \"{templateType}\"", nameof(templateType));
}
