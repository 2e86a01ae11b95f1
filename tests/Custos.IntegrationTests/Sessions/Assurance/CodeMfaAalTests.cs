using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Custos.Sessions;

namespace Custos.IntegrationTests.Sessions.Assurance;

/// <summary>With <c>mfa_enabled</c>, each code address of the identity is a second factor (strategies contract §6.2).</summary>
public abstract class CodeMfaAalTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    private const string CodeAddresses = """{"addresses":[{"channel":"email","address":"alice@example.com"}]}""";

    private static readonly AuthenticationMethod Password = new("password", "aal1", default);

    private Task<HttpResponseMessage> WhoamiAsync(IssuedSession issued) =>
        app.PublicClient().SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(issued.Token));

    [SkippableFact]
    public async Task CodeAddressesWithMfaEnabled_AreASecondFactor()
    {
        var identityId = await app.NewIdentityAsync();
        await app.AddCredentialAsync(identityId, "code", CodeAddresses, ["alice-" + identityId.ToString("N") + "@example.com"], storedAvailableAal: "aal1");
        var aal1 = await app.IssueSessionAsync(identityId, Password);
        var aal2 = await app.IssueSessionAsync(identityId, Password, new AuthenticationMethod("code", "aal2", default));

        var refused = await WhoamiAsync(aal1);
        var accepted = await WhoamiAsync(aal2);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}

public sealed class SqliteCodeMfaAalTests(CodeMfaAalSqliteApp app) : CodeMfaAalTests<CodeMfaAalSqliteApp>(app);

public sealed class PostgresCodeMfaAalTests(CodeMfaAalPostgresApp app) : CodeMfaAalTests<CodeMfaAalPostgresApp>(app);
