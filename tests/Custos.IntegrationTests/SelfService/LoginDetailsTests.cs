using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService;

public sealed class LoginDetailsTests(CustosAppFactory app) : IClassFixture<CustosAppFactory>
{
    [Fact]
    public async Task Login_WithImportedLegacyHash_UpgradesToConfiguredHasher()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var created = await app.Admin().PostJsonAsync("/admin/identities", $$$$$"""{"traits":{"email":"{{{{{email}}}}}"},"credentials":{"password":{"config":{"hashed_password":"$pbkdf2-sha256$i=1000,l=128$e8/arsEf4cvQihdNgqj0Nw$5xQQKNTyeTHx2Ld5/JDE7A"}}}}""");
        var id = (await created.JsonAsync())["id"]!.GetValue<string>();

        var login = await new FlowClient(app, ClientKind.Api).LoginAsync(email, "123456");
        var stored = await (await app.Admin().GetAsync($"/admin/identities/{id}?include_credential=password")).JsonAsync();
        var again = await new FlowClient(app, ClientKind.Api).LoginAsync(email, "123456");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.StartsWith("$2a$", stored["credentials"]!["password"]!["config"]!["hashed_password"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Login_InactiveIdentity_IsRefusedWith4010011()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().PostJsonAsync("/admin/identities", $$$$$"""{"traits":{"email":"{{{{{email}}}}}"},"state":"inactive","credentials":{"password":{"config":{"password":"correct horse battery staple"}}}}""");

        var response = await new FlowClient(app, ClientKind.Api).LoginAsync(email, "correct horse battery staple");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4010011", FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
    }

    [Fact]
    public async Task RefreshLogin_KeepsSession_UpdatesAuthenticatedAt()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, "correct horse battery staple");
        var client = new FlowClient(app, ClientKind.Api);
        await client.LoginAsync(email, "correct horse battery staple");
        var before = await (await client.WhoamiAsync()).JsonAsync();

        var flow = await client.InitAsync("login", "?refresh=true");
        var response = await client.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = email, ["password"] = "correct horse battery staple" });
        var after = await (await client.WhoamiAsync()).JsonAsync();

        Assert.True(flow["refresh"]!.GetValue<bool>());
        Assert.Contains("1010003", FlowClient.MessageIds(flow));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before["id"]!.GetValue<string>(), after["id"]!.GetValue<string>());
        Assert.Equal(2, after["authentication_methods"]!.AsArray().Count);
    }

    [Fact]
    public async Task Browser_Login_RotatesCsrfCookie()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, "correct horse battery staple");
        var client = new FlowClient(app, ClientKind.Browser);
        var flow = await client.InitAsync("login");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = email, ["password"] = "correct horse battery staple" });
        var setCookies = response.Headers.GetValues("Set-Cookie").ToList();

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains(setCookies, c => c.StartsWith("csrf_token_", StringComparison.Ordinal));
        Assert.Contains(setCookies, c => c.StartsWith("ory_kratos_session=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ErrorsEndpoint_Stub500_AndUnknown()
    {
        var stub = await app.Public().GetAsync("/self-service/errors?id=stub:500");
        var unknown = await app.Public().GetAsync($"/self-service/errors?id={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, stub.StatusCode);
        Assert.Equal(500, (await stub.JsonAsync())["error"]!["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

public sealed class LoginHintsAppFactory : CustosAppFactory
{
    public LoginHintsAppFactory()
    {
        ExtraYaml = """
            selfservice:
              flows:
                registration:
                  login_hints: true
            """;
    }
}

public sealed class LoginHintsTests(LoginHintsAppFactory app) : IClassFixture<LoginHintsAppFactory>
{
    [Fact]
    public async Task DuplicateRegistration_WithLoginHints_Returns4000028NamingPassword()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, "correct horse battery staple");

        var response = await new FlowClient(app, ClientKind.Api).RegisterAsync(email, "another good passphrase");
        var message = (await response.JsonAsync())["ui"]!["messages"]![0]!;

        Assert.Equal(4000028, message["id"]!.GetValue<int>());
        Assert.Contains(email, message["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("password", message["context"]!["available_credential_types"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
