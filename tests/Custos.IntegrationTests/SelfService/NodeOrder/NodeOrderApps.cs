using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.NodeOrder;

/// <summary>password, code (passwordless login), TOTP and backup codes on.</summary>
public sealed class AllMethodsApp : CustosAppFactory
{
    public AllMethodsApp()
    {
        ExtraYaml = """
            secrets:
              cipher:
                - 0123456789abcdef0123456789abcdef
            selfservice:
              methods:
                code:
                  enabled: true
                  passwordless_enabled: true
                totp:
                  enabled: true
                  config:
                    issuer: Custos Test
                lookup_secret:
                  enabled: true
            """;
    }
}

/// <summary>
/// One-step (unified) registration with the password method, TOTP and backup codes, and code off: code registration
/// adds nodes of its own, which would change where Kratos puts the password (the code group lies between default and
/// password and stops the password from moving up between the traits).
/// </summary>
public sealed class UnifiedRegistrationApp : CustosAppFactory
{
    public UnifiedRegistrationApp()
    {
        ExtraYaml = """
            secrets:
              cipher:
                - 0123456789abcdef0123456789abcdef
            selfservice:
              methods:
                code:
                  enabled: false
                totp:
                  enabled: true
                lookup_secret:
                  enabled: true
              flows:
                registration:
                  style: unified
            """;
    }
}
