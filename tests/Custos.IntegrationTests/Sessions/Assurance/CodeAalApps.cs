using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Sessions.Assurance;

/// <summary>
/// The <c>code</c> method as first factor (<c>passwordless_enabled</c>, the setting of GHSA-wc43-73w7-x2f5) or as second
/// factor (<c>mfa_enabled</c>); Kratos's config schema refuses the two together.
/// </summary>
internal static class CodeAalConfig
{
    public const string Passwordless = """
        selfservice:
          methods:
            code:
              passwordless_enabled: true
        """;

    public const string Mfa = """
        selfservice:
          methods:
            code:
              mfa_enabled: true
        """;
}

public sealed class CodeAalSqliteApp : CustosAppFactory
{
    public CodeAalSqliteApp()
    {
        Clock = new ManualTimeProvider();
        ExtraYaml = CodeAalConfig.Passwordless;
    }
}

public sealed class CodeAalPostgresApp : CustosAppFactory
{
    public CodeAalPostgresApp()
    {
        UsePostgres();
        Clock = new ManualTimeProvider();
        ExtraYaml = CodeAalConfig.Passwordless;
    }
}

public sealed class CodeMfaAalSqliteApp : CustosAppFactory
{
    public CodeMfaAalSqliteApp()
    {
        Clock = new ManualTimeProvider();
        ExtraYaml = CodeAalConfig.Mfa;
    }
}

public sealed class CodeMfaAalPostgresApp : CustosAppFactory
{
    public CodeMfaAalPostgresApp()
    {
        UsePostgres();
        Clock = new ManualTimeProvider();
        ExtraYaml = CodeAalConfig.Mfa;
    }
}
