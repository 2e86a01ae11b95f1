using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Oidc.Admin;

/// <summary>The app with <c>ciphers.algorithm: aes</c> and one cipher secret.</summary>
public class OidcAdminApp : CustosAppFactory
{
    public const string CipherSecret = "secret-thirty-two-character-long";

    public OidcAdminApp()
    {
        ExtraYaml = $"""
            ciphers:
              algorithm: aes
            secrets:
              cipher:
                - {CipherSecret}
            """;
    }
}

public sealed class OidcAdminPostgresApp : OidcAdminApp
{
    public OidcAdminPostgresApp()
    {
        UsePostgres();
    }
}
