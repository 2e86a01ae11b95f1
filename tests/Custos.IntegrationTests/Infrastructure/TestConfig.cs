namespace Custos.IntegrationTests.Infrastructure;

/// <summary>The kratos.yml integration tests run with (dev mode, low bcrypt cost).</summary>
internal static class TestConfig
{
    public static string Yaml(string dsn, string schemaPath) => $"""
        dsn: "{dsn}"
        serve:
          public:
            base_url: http://localhost:{CustosAppFactory.PublicPort}/
            port: {CustosAppFactory.PublicPort}
          admin:
            base_url: http://localhost:{CustosAppFactory.AdminPort}/
            port: {CustosAppFactory.AdminPort}
        selfservice:
          default_browser_return_url: http://localhost:4455/
          allowed_return_urls:
            - http://localhost:4455
          methods:
            password:
              config:
                haveibeenpwned_enabled: false
          flows:
            login:
              ui_url: http://localhost:4455/login
            registration:
              ui_url: http://localhost:4455/registration
              after:
                password:
                  hooks:
                    - hook: session
            settings:
              ui_url: http://localhost:4455/settings
            error:
              ui_url: http://localhost:4455/error
        identity:
          default_schema_id: default
          schemas:
            - id: default
              url: file://{schemaPath}
        security:
          # Off by default here: many test classes share one client address (the test server has none) and count
          # statements; the throttling tests turn it on.
          throttling:
            enabled: false
        hashers:
          algorithm: bcrypt
          bcrypt:
            cost: 4
        """;
}
