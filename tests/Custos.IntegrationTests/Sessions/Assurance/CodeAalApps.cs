using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Sessions.Assurance;

/// <summary>The <c>code</c> method as first and second factor (<c>passwordless_enabled</c>, <c>mfa_enabled</c>), the setting of GHSA-wc43-73w7-x2f5.</summary>
internal static class CodeAalConfig
{
    public const string Yaml = """
        selfservice:
          methods:
            code:
              passwordless_enabled: true
              mfa_enabled: true
        """;
}

public sealed class CodeAalSqliteApp : CustosAppFactory
{
    public CodeAalSqliteApp()
    {
        Clock = new ManualTimeProvider();
        ExtraYaml = CodeAalConfig.Yaml;
    }
}

public sealed class CodeAalPostgresApp : CustosAppFactory
{
    public CodeAalPostgresApp()
    {
        UsePostgres();
        Clock = new ManualTimeProvider();
        ExtraYaml = CodeAalConfig.Yaml;
    }
}
