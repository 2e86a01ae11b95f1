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
        identity:
          default_schema_id: default
          schemas:
            - id: default
              url: file://{schemaPath}
        hashers:
          algorithm: bcrypt
          bcrypt:
            cost: 4
        """;
}
