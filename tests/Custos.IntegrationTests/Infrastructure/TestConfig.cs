using Custos.Config;

namespace Custos.IntegrationTests.Infrastructure;

/// <summary>The configuration integration tests run with.</summary>
internal static class TestConfig
{
    public static CustosOptions Build(string dsn, string schemaPath)
    {
        var options = new CustosOptions { Dsn = dsn, Dev = true };
        options.Serve.Public.BaseUrl = $"http://localhost:{CustosAppFactory.PublicPort}/";
        options.Serve.Public.Port = CustosAppFactory.PublicPort;
        options.Serve.Admin.BaseUrl = $"http://localhost:{CustosAppFactory.AdminPort}/";
        options.Serve.Admin.Port = CustosAppFactory.AdminPort;
        options.Identity.Schemas.Add(new IdentitySchemaOptions { Id = "default", Url = "file://" + schemaPath });
        options.Hashers.Algorithm = PasswordHashAlgorithm.Bcrypt;
        options.Hashers.Bcrypt.Cost = 4;
        options.Selfservice.DefaultBrowserReturnUrl = "http://localhost:4455/";
        return options;
    }
}
