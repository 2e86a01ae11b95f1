namespace Custos.SelfService.Flows.Registration;

/// <summary>The screens of a registration form (Kratos's three form hydrations).</summary>
internal enum RegistrationScreen
{
    /// <summary><c>style: unified</c>: the traits and every credential method's fields on one form.</summary>
    Unified,

    /// <summary>Profile-first, step one: the traits and the profile method's "Sign up" button.</summary>
    Profile,

    /// <summary>Profile-first, step two: the accepted traits as hidden fields, "Back", and the credential methods.</summary>
    Credentials,
}
