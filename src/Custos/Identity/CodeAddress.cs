namespace Custos.Identity;

/// <summary>
/// One address of the <c>code</c> credential (<c>identityCredentialsCodeAddress</c>): where a login or registration
/// code can be sent. <see cref="Address"/> is normalised (lower-cased e-mail, E.164 phone number).
/// </summary>
internal sealed record CodeAddress(string Channel, string Address)
{
    public const string Email = "email";
    public const string Sms = "sms";
}
