using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Ui;

/// <summary>The app in dev mode with no UI URL configured: every flow points at the built-in pages.</summary>
public class BuiltinUiApp : CustosAppFactory
{
    protected override string ConfigYaml(string dsn, string schemaPath) => $"""
        dsn: "{dsn}"
        serve:
          public:
            base_url: http://localhost:{PublicPort}/
            port: {PublicPort}
          admin:
            base_url: http://localhost:{AdminPort}/
            port: {AdminPort}
        selfservice:
          methods:
            password:
              config:
                haveibeenpwned_enabled: false
          flows:
            registration:
              after:
                password:
                  hooks:
                    - hook: session
        identity:
          default_schema_id: default
          schemas:
            - id: default
              url: file://{schemaPath}
        hashers:
          algorithm: bcrypt
          bcrypt:
            cost: 4
        ui:
          product_name: Acme <ID>
          accent_color: "#0a7d5a"
        """;
}

/// <summary>The built-in UI app without <c>--dev</c> (no dev mailbox).</summary>
public sealed class BuiltinUiProductionApp : BuiltinUiApp
{
    public BuiltinUiProductionApp()
    {
        Dev = false;
    }
}

/// <summary>The built-in UI switched off with <c>ui.enabled: false</c>.</summary>
public sealed class DisabledUiApp : BuiltinUiApp
{
    public DisabledUiApp()
    {
        ExtraYaml = "ui:\n  enabled: false\n";
    }
}

/// <summary>
/// The built-in UI with verification and recovery by emailed code (Kratos's defaults) and <c>show_verification_ui</c>
/// after registration; the codes are read from the courier store.
/// </summary>
public sealed class BuiltinUiAddressFlowsApp : BuiltinUiApp
{
    public BuiltinUiAddressFlowsApp()
    {
        ExtraYaml = """
            selfservice:
              flows:
                registration:
                  after:
                    password:
                      hooks:
                        - hook: session
                        - hook: show_verification_ui
                recovery:
                  enabled: true
                verification:
                  enabled: true
            """;
    }
}
