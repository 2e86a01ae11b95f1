namespace Custos.IntegrationTests.WebAuthn;

/// <summary>Security keys as first factor (<c>config.passwordless: true</c>).</summary>
public class WebAuthnPasswordlessApp : WebAuthnApp
{
    public WebAuthnPasswordlessApp()
        : base(passwordless: true)
    {
    }
}

/// <summary><see cref="WebAuthnPasswordlessApp"/> on PostgreSQL.</summary>
public sealed class WebAuthnPasswordlessPostgresApp : WebAuthnPasswordlessApp
{
    public WebAuthnPasswordlessPostgresApp()
    {
        UsePostgres();
    }
}

/// <summary><see cref="WebAuthnPasswordlessApp"/> with the identifier-first login style.</summary>
public sealed class WebAuthnIdentifierFirstApp : WebAuthnApp
{
    public WebAuthnIdentifierFirstApp()
        : base(passwordless: true, loginStyle: "identifier_first")
    {
    }
}
