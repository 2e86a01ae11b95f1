namespace Custos.IntegrationTests.Oidc.Strategy;

/// <summary>The social sign-in app with TOTP and <c>session.whoami.required_aal: highest_available</c>.</summary>
public class OidcAalApp : OidcStrategyApp
{
    public OidcAalApp()
        : base(highestAvailable: true)
    {
    }
}

public sealed class OidcAalPostgresApp : OidcAalApp
{
    public OidcAalPostgresApp()
    {
        UsePostgres();
    }
}
