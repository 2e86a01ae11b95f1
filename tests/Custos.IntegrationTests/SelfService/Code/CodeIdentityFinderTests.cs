using Custos.Identity;
using Custos.IntegrationTests.Infrastructure;
using Custos.SelfService.Strategies.Code;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.SelfService.Code;

/// <summary>Whom a login code is for (§1.3 of the strategies contract), against identities stored through the admin API.</summary>
public sealed class CodeIdentityFinderTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<string> CreateAsync(CustosAppFactory app, string schema, string traits)
    {
        var response = await app.Admin().PostJsonAsync("/admin/identities", $$"""{"schema_id":"{{schema}}","traits":{{traits}}}""");
        return (await response.JsonAsync())["id"]!.GetValue<string>();
    }

    private static async Task<CodeRecipients> FindAsync(CustosAppFactory app, string? identifier, Guid? bound = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CodeIdentityFinder>().FirstFactorAsync(identifier, bound, Ct);
    }

    [Fact]
    public async Task AnIdentifier_FindsItsIdentity_AndTheCodeGoesToThatAddressOnly()
    {
        using var app = CodeApp.Create();
        var email = $"{Guid.NewGuid():N}@example.com";
        var id = await CreateAsync(app, "code", $$"""{"email":"{{email}}","phone":"+4917612345678"}""");

        var byEmail = await FindAsync(app, email.ToUpperInvariant());
        var byPhone = await FindAsync(app, "+49 176 12345678");

        Assert.True(byEmail.Found);
        Assert.Equal(id, byEmail.Identity!.Id.ToString("D"));
        Assert.Equal([new CodeAddress("email", email)], byEmail.Addresses);
        Assert.Equal([new CodeAddress("sms", "+4917612345678")], byPhone.Addresses);
    }

    [Fact]
    public async Task AnUnknownAccount_OrOneWithoutCodeAddresses_Gets4000035()
    {
        using var app = CodeApp.Create();
        var legacy = $"{Guid.NewGuid():N}@example.com";
        await CreateAsync(app, "legacy", $$"""{"email":"{{legacy}}"}""");

        var unknown = await FindAsync(app, "nobody@example.com");
        var withoutCode = await FindAsync(app, legacy);
        var empty = await FindAsync(app, "");

        Assert.Equal(4000035, unknown.Error!.Id);
        Assert.Null(unknown.ErrorNode);
        Assert.Equal(4000035, withoutCode.Error!.Id);
        Assert.Equal((4000002L, "identifier"), (empty.Error!.Id, empty.ErrorNode));
    }

    [Fact]
    public async Task WithTheFallback_AnAccountWithoutCodeAddresses_GetsTheCodeByEmailToWhatWasTyped()
    {
        using var app = CodeApp.Create(fallback: true);
        var legacy = $"{Guid.NewGuid():N}@example.com";
        var id = await CreateAsync(app, "legacy", $$"""{"email":"{{legacy}}"}""");

        var found = await FindAsync(app, legacy);

        Assert.Equal(id, found.Identity!.Id.ToString("D"));
        Assert.Equal([new CodeAddress("email", legacy)], found.Addresses);
    }

    [Fact]
    public async Task ARefresh_NeverFindsAnotherIdentity()
    {
        using var app = CodeApp.Create();
        var mine = await CreateAsync(app, "code", $$"""{"email":"{{Guid.NewGuid():N}}@example.com"}""");
        var theirs = $"{Guid.NewGuid():N}@example.com";
        await CreateAsync(app, "code", $$"""{"email":"{{theirs}}"}""");

        var found = await FindAsync(app, theirs, Guid.Parse(mine));

        Assert.Equal(4000035, found.Error!.Id);
    }

    [Fact]
    public async Task ASecondFactor_GoesOnlyToAnAddressOfTheSessionsIdentity()
    {
        using var app = CodeApp.Create();
        var email = $"{Guid.NewGuid():N}@example.com";
        var id = Guid.Parse(await CreateAsync(app, "code", $$"""{"email":"{{email}}","phone":"+4917612345678"}"""));
        await using var scope = app.Services.CreateAsyncScope();
        var identity = (await scope.ServiceProvider.GetRequiredService<IPrivilegedIdentityPool>().GetAsync(id, withCredentials: true, Ct))!;
        var finder = scope.ServiceProvider.GetRequiredService<CodeIdentityFinder>();

        var own = finder.SecondFactor(identity, "+49 176 1234 5678");
        var foreign = finder.SecondFactor(identity, "someone@example.com");

        Assert.Equal([new CodeAddress("sms", "+4917612345678")], own.Addresses);
        Assert.Equal(4000035, foreign.Error!.Id);
    }
}
