using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Custos.Sessions;

namespace Custos.IntegrationTests.Sessions.Assurance;

/// <summary>
/// GHSA-wc43-73w7-x2f5: with code as first factor (<c>passwordless_enabled</c>) and a second factor, an identity whose only first factor is <c>code</c> had its
/// available AAL stored as aal0/aal1, and whoami trusted it. Custos derives it from the credentials on every request.
/// </summary>
public abstract class CodeAalTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    private static readonly AuthenticationMethod CodeFirst = new("code", "aal1", default);

    private Task<HttpResponseMessage> WhoamiAsync(IssuedSession issued) =>
        app.PublicClient().SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(issued.Token));

    [SkippableFact]
    public async Task CodeOnlyFirstFactor_PlusTotp_WithStoredAal0_Returns403()
    {
        var identityId = await app.NewIdentityAsync();
        await app.AddCredentialAsync(identityId, "code", """{"addresses":[]}""", [$"{identityId:N}@example.com"], storedAvailableAal: "aal0");
        await app.AddCredentialAsync(identityId, "totp", $$"""{"totp_url":"{{SessionTestExtensions.TotpUrl}}"}""", storedAvailableAal: "aal0");
        var issued = await app.IssueSessionAsync(identityId, CodeFirst);

        var response = await WhoamiAsync(issued);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("session_aal2_required", response.Headers.GetValues("Ory-Error-Id").Single());
    }

    [SkippableFact]
    public async Task PasswordlessCodeAlone_IsAFirstFactor_AndNeedsNoAal2()
    {
        var identityId = await app.NewIdentityAsync();
        await app.AddCredentialAsync(identityId, "code", """{"addresses":[]}""", [$"bob-{identityId:N}@example.com"], storedAvailableAal: "aal2");
        var issued = await app.IssueSessionAsync(identityId, CodeFirst);

        var response = await WhoamiAsync(issued);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class SqliteCodeAalTests(CodeAalSqliteApp app) : CodeAalTests<CodeAalSqliteApp>(app);

public sealed class PostgresCodeAalTests(CodeAalPostgresApp app) : CodeAalTests<CodeAalPostgresApp>(app);
