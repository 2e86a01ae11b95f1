using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Ui;
using Dapper;

namespace Custos.Persistence.Tests;

/// <summary>
/// Login and registration codes on every database: stored as HMACs, bound to their flow (and identity or address),
/// used at most once even under contention, and limited to <c>max_submissions</c> attempts per flow.
/// </summary>
public abstract partial class CodeStoreConformance(DatabaseFixture fixture)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly CodeAddress Email = new(CodeAddress.Email, "jane@example.com");

    private FixedOptions Options(int maxSubmissions = 5) => FixedOptions.With(o =>
    {
        o.Secrets.Default = ["a-default-secret-of-32-characters"];
        o.Selfservice.Methods.Code.Config.MaxSubmissions = maxSubmissions;
    });

    private sealed record Owner(Guid IdentityId, Guid LoginFlowId, Guid RegistrationFlowId);

    /// <summary>An identity, a login flow and a registration flow the codes can belong to.</summary>
    private async Task<Owner> OwnerAsync()
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        await using var db = new DbSession(fixture.Factory);
        var now = DateTime.UtcNow;
        var identity = new Identity.Identity { Id = Guid.NewGuid(), SchemaId = "default", Traits = new JsonObject { ["email"] = $"{Guid.NewGuid():N}@example.com" }, CreatedAt = now, UpdatedAt = now };
        await new SqlIdentityStore(db).CreateAsync(identity, Ct);
        var flows = new SqlFlowStore(db);
        var login = new LoginFlow { Id = Guid.NewGuid(), Type = "api", RequestUrl = "http://localhost/self-service/login/api", Ui = new UiContainer { Action = "http://localhost/" }, IssuedAt = now, ExpiresAt = now.AddHours(1), CreatedAt = now, UpdatedAt = now };
        var registration = new RegistrationFlow { Id = Guid.NewGuid(), Type = "api", RequestUrl = "http://localhost/self-service/registration/api", Ui = new UiContainer { Action = "http://localhost/" }, IssuedAt = now, ExpiresAt = now.AddHours(1), CreatedAt = now, UpdatedAt = now };
        await flows.CreateAsync(login, Ct);
        await flows.CreateAsync(registration, Ct);
        return new Owner(identity.Id, login.Id, registration.Id);
    }

    /// <summary>Runs <paramref name="work"/> on its own connection, as one request would.</summary>
    private async Task<T> InScopeAsync<T>(Func<Scope, Task<T>> work, int maxSubmissions = 5)
    {
        await using var db = new DbSession(fixture.Factory);
        return await work(new Scope(db, Options(maxSubmissions)));
    }

    private sealed class Scope(DbSession db, FixedOptions options)
    {
        public DbSession Db => db;

        public SqlOneTimeSecretStore Store { get; } = new(db);

        public OneTimeSecrets Hmac { get; } = new(options);

        public OneTimeSecretIssuer Issuer => new(Store, Hmac, TimeProvider.System);

        public CodeAttempts Attempts => new(new SqlFlowStore(db), Store, Hmac, db, options, TimeProvider.System);

        public Task<string> LoginCodeAsync(Owner owner, CodeAddress to, TimeSpan? lifespan = null) =>
            Issuer.IssueCodeAsync(OneTimeSecretKind.LoginCode, owner.LoginFlowId, owner.IdentityId, to, lifespan ?? TimeSpan.FromMinutes(10), Ct);

        public Task<CodeVerification> UseLoginCodeAsync(Owner owner, string code, Guid? identityId = null, Guid? flowId = null) =>
            Attempts.ConsumeAsync(OneTimeSecretKind.LoginCode, flowId ?? owner.LoginFlowId, code, identityId ?? owner.IdentityId, null, Ct);

        public async Task<CodeVerification> VerifyAsync(Owner owner, OneTimeSecretKind kind, string code, IReadOnlyList<string>? addresses = null)
        {
            Flow flow = kind == OneTimeSecretKind.LoginCode
                ? new LoginFlow { Id = owner.LoginFlowId, Type = "api", RequestUrl = "", Ui = new UiContainer { Action = "" } }
                : new RegistrationFlow { Id = owner.RegistrationFlowId, Type = "api", RequestUrl = "", Ui = new UiContainer { Action = "" } };
            if (!await Attempts.CountAsync(flow, Ct))
            {
                return new CodeVerification(CodeVerificationStatus.TooManyAttempts);
            }

            return kind == OneTimeSecretKind.LoginCode
                ? await Attempts.ConsumeAsync(kind, flow.Id, code, owner.IdentityId, null, Ct)
                : await Attempts.ConsumeAsync(kind, flow.Id, code, null, addresses ?? [Email.Address], Ct);
        }
    }

    private Task<string> IssueAsync(Owner owner, OneTimeSecretKind kind, CodeAddress to) => InScopeAsync(s => kind == OneTimeSecretKind.LoginCode
        ? s.LoginCodeAsync(owner, to)
        : s.Issuer.IssueCodeAsync(kind, owner.RegistrationFlowId, null, to, TimeSpan.FromMinutes(10), Ct));

    [SkippableFact]
    public async Task ALoginCode_IsStoredOnlyAsItsHmac()
    {
        var owner = await OwnerAsync();

        var code = await IssueAsync(owner, OneTimeSecretKind.LoginCode, Email);

        Assert.Matches("^[0-9]{6}$", code);
        var stored = await InScopeAsync(async s => (await (await s.Db.ConnectionAsync(Ct)).QueryAsync<string>(
            "SELECT secret_hmac FROM identity_login_codes WHERE flow_id = @f", new { f = owner.LoginFlowId })).Single());
        Assert.DoesNotContain(code, stored, StringComparison.Ordinal);
        Assert.Equal(await InScopeAsync(s => Task.FromResult(s.Hmac.Hmac(code))), stored);
        Assert.Matches("^[0-9a-f]{128}$", stored);
    }

    [SkippableFact]
    public async Task ALoginCode_IsUsedOnce_AndOnlyForItsFlowAndIdentity()
    {
        var owner = await OwnerAsync();
        var other = await OwnerAsync();
        var code = await IssueAsync(owner, OneTimeSecretKind.LoginCode, Email);

        var otherFlow = await InScopeAsync(s => s.UseLoginCodeAsync(owner, code, flowId: other.LoginFlowId));
        var otherIdentity = await InScopeAsync(s => s.UseLoginCodeAsync(owner, code, identityId: other.IdentityId));
        var wrong = await InScopeAsync(s => s.UseLoginCodeAsync(owner, code == "000000" ? "111111" : "000000"));
        var first = await InScopeAsync(s => s.UseLoginCodeAsync(owner, " " + code + " "));
        var second = await InScopeAsync(s => s.UseLoginCodeAsync(owner, code));

        Assert.Equal(CodeVerificationStatus.WrongCode, otherFlow.Status);
        Assert.Equal(CodeVerificationStatus.WrongCode, otherIdentity.Status);
        Assert.Equal(CodeVerificationStatus.WrongCode, wrong.Status);
        Assert.Equal(CodeVerificationStatus.Ok, first.Status);
        Assert.Equal(Email, first.Address);
        Assert.Equal(CodeVerificationStatus.AlreadyUsed, second.Status);
    }

    [SkippableFact]
    public async Task AnExpiredLoginCode_IsReportedExpired_AndLeftUnused()
    {
        var owner = await OwnerAsync();
        var code = await InScopeAsync(s => s.LoginCodeAsync(owner, Email, TimeSpan.FromSeconds(-1)));

        var used = await InScopeAsync(s => s.UseLoginCodeAsync(owner, code));

        Assert.Equal(CodeVerificationStatus.Expired, used.Status);
        var unused = await InScopeAsync(async s => await (await s.Db.ConnectionAsync(Ct)).ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM identity_login_codes WHERE flow_id = @f AND used_at IS NULL", new { f = owner.LoginFlowId }));
        Assert.Equal(1, unused);
    }

    [SkippableFact]
    public async Task AResend_ReplacesTheFlowsCodes()
    {
        var owner = await OwnerAsync();
        var first = await IssueAsync(owner, OneTimeSecretKind.LoginCode, Email);

        var second = await InScopeAsync(async s =>
        {
            await s.Store.DeleteForFlowAsync(OneTimeSecretKind.LoginCode, owner.LoginFlowId, Ct);
            return await s.LoginCodeAsync(owner, Email);
        });

        Assert.Equal(first == second ? CodeVerificationStatus.Ok : CodeVerificationStatus.WrongCode, (await InScopeAsync(s => s.UseLoginCodeAsync(owner, first))).Status);
        Assert.Equal(first == second ? CodeVerificationStatus.AlreadyUsed : CodeVerificationStatus.Ok, (await InScopeAsync(s => s.UseLoginCodeAsync(owner, second))).Status);
    }

    [SkippableFact]
    public async Task ARegistrationCode_OnlyMatchesAnAddressTheTraitsStillContain()
    {
        var owner = await OwnerAsync();
        var code = await IssueAsync(owner, OneTimeSecretKind.RegistrationCode, Email);

        var otherAddress = await InScopeAsync(s => s.VerifyAsync(owner, OneTimeSecretKind.RegistrationCode, code, ["john@example.com"]));
        var sameAddress = await InScopeAsync(s => s.VerifyAsync(owner, OneTimeSecretKind.RegistrationCode, code, ["+4917612345678", Email.Address]));

        Assert.Equal(CodeVerificationStatus.WrongCode, otherAddress.Status);
        Assert.Equal(CodeVerificationStatus.Ok, sameAddress.Status);
        Assert.Equal(Email, sameAddress.Address);
    }
}

public sealed class SqliteCodeStoreTests(SqliteFixture fixture) : CodeStoreConformance(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresCodeStoreTests(PostgresFixture fixture) : CodeStoreConformance(fixture), IClassFixture<PostgresFixture>;
