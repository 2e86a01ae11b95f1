using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.IntegrationTests.Courier;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Strategies.Code;
using Microsoft.Extensions.DependencyInjection;
using CustosIdentity = Custos.Identity.Identity;

namespace Custos.IntegrationTests.SelfService.Code;

/// <summary>
/// Login and registration codes end to end: issued, delivered by the courier worker to a real SMTP server (MailDev) or
/// through the SMS channel (a recording HTTP server), read back from there and verified.
/// </summary>
public sealed class CodeMessagesTests(MailDevServer mail) : IClassFixture<MailDevServer>, IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly RecordingHttpServer _sms = new();

    public void Dispose() => _sms.Dispose();

    private CustosAppFactory App() => CodeApp.Create(watchCourier: true, extraYaml: $"""
        courier:
          smtp:
            connection_uri: smtp://127.0.0.1:{mail.SmtpPort}/?disable_starttls=true
            from_address: accounts@example.org
          channels:
            - id: sms
              type: http
              request_config:
                url: {_sms.Url("/sms")}
                method: POST
          worker:
            pull_wait: 100ms
        """);

    private static async Task<T> FlowAsync<T>(CustosAppFactory app, string kind)
        where T : Flow
    {
        var json = await new FlowClient(app, ClientKind.Api).InitAsync(kind);
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IFlowStore>().GetAsync<T>(Guid.Parse(json["id"]!.GetValue<string>()), Ct))!;
    }

    private static async Task<T> InScopeAsync<T>(CustosAppFactory app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static async Task<CustosIdentity> IdentityAsync(CustosAppFactory app, string id) =>
        (await InScopeAsync(app, sp => sp.GetRequiredService<IPrivilegedIdentityPool>().GetAsync(Guid.Parse(id), withCredentials: true, Ct)))!;

    [SkippableFact]
    public async Task ALoginCodeMail_Arrives_AndItsCodeLogsInOnce_AndVerifiesTheAddress()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App();
        var email = $"{Guid.NewGuid():N}@example.com";
        var id = (await (await app.Admin().PostJsonAsync("/admin/identities", $$$"""{"schema_id":"code","traits":{"email":"{{{email}}}","phone":"+4917612345678"}}""")).JsonAsync())["id"]!.GetValue<string>();
        var flow = await FlowAsync<LoginFlow>(app, "login");

        await InScopeAsync(app, async sp =>
        {
            var recipients = await sp.GetRequiredService<CodeIdentityFinder>().FirstFactorAsync(email, null, Ct);
            await sp.GetRequiredService<LoginCodes>().SendAsync(flow, recipients, Ct);
            return 0;
        });
        var delivered = (await mail.WaitForEmailsToAsync(email)).LastOrDefault();

        Assert.Equal(("sent_email", "code"), (flow.State, flow.Active));
        Assert.NotNull(delivered);
        var code = Mailbox.CodeIn(delivered!["text"]!.GetValue<string>());
        Assert.Equal($"Use code {code} to log in", delivered["subject"]!.GetValue<string>());
        Assert.Contains(code, delivered["html"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("60 minutes", delivered["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = JsonNode.Parse((await app.MessagesAsync(email)).Single().TemplateData!)!;
        Assert.Equal(email, stored["identity"]!["traits"]!["email"]!.GetValue<string>());
        Assert.Equal(code, stored["login_code"]!.GetValue<string>());
        Assert.Empty(await mail.EmailsToAsync("+4917612345678"));

        var identity = await IdentityAsync(app, id);
        var first = await InScopeAsync(app, sp => sp.GetRequiredService<LoginCodes>().VerifyAsync(flow, identity, code, Ct));
        var again = await InScopeAsync(app, sp => sp.GetRequiredService<LoginCodes>().VerifyAsync(flow, identity, code, Ct));

        Assert.Equal(CodeVerificationStatus.Ok, first.Status);
        Assert.Equal(new CodeAddress("email", email), first.Address);
        Assert.Equal(CodeVerificationStatus.AlreadyUsed, again.Status);
        var address = (await IdentityAsync(app, id)).VerifiableAddresses.Single();
        Assert.True(address.Verified);
        Assert.Equal("completed", address.Status);
    }

    [SkippableFact]
    public async Task ALoginCodeForAPhoneNumber_GoesThroughTheSmsChannel_WithTheWebOtpLine()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App();
        var email = $"{Guid.NewGuid():N}@example.com";
        var id = (await (await app.Admin().PostJsonAsync("/admin/identities", $$$"""{"schema_id":"code","traits":{"email":"{{{email}}}","phone":"+4915112345678"}}""")).JsonAsync())["id"]!.GetValue<string>();
        var flow = await FlowAsync<LoginFlow>(app, "login");

        await InScopeAsync(app, async sp =>
        {
            var recipients = await sp.GetRequiredService<CodeIdentityFinder>().FirstFactorAsync("+49 151 12345678", null, Ct);
            await sp.GetRequiredService<LoginCodes>().SendAsync(flow, recipients, Ct);
            return 0;
        });
        var request = await _sms.WaitForAsync("/sms");

        Assert.NotNull(request);
        var sms = JsonNode.Parse(request.Body)!;
        Assert.Equal("+4915112345678", sms["recipient"]!.GetValue<string>());
        Assert.Equal("login_code_valid", sms["template_type"]!.GetValue<string>());
        var body = sms["body"]!.GetValue<string>();
        var code = Mailbox.CodeIn(body);
        Assert.StartsWith($"Your login code is: {code}", body, StringComparison.Ordinal);
        Assert.Contains($"@localhost #{code}", body, StringComparison.Ordinal);
        var verified = await InScopeAsync(app, async sp => await sp.GetRequiredService<LoginCodes>().VerifyAsync(flow, await IdentityAsync(app, id), code, Ct));
        Assert.Equal(new CodeAddress("sms", "+4915112345678"), verified.Address);
    }

    [SkippableFact]
    public async Task RegistrationCodes_GoToEveryAddress_AndTheMailedOneCreatesTheAddressVerified()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App();
        var email = $"{Guid.NewGuid():N}@example.com";
        var flow = await FlowAsync<RegistrationFlow>(app, "registration");
        var traits = new JsonObject { ["email"] = email, ["phone"] = "+4916012345678" };
        async Task<CustosIdentity> ValidatedAsync(IServiceProvider sp)
        {
            var identity = new CustosIdentity { Id = Guid.NewGuid(), SchemaId = "code", Traits = traits.DeepClone() };
            await sp.GetRequiredService<IdentityValidator>().ValidateAsync(identity, Ct);
            return identity;
        }

        var refused = await InScopeAsync(app, async sp => await sp.GetRequiredService<RegistrationCodes>().SendAsync(flow, await ValidatedAsync(sp), Ct));
        var delivered = (await mail.WaitForEmailsToAsync(email)).LastOrDefault();
        var request = await _sms.WaitForAsync("/sms");

        Assert.Null(refused);
        Assert.NotNull(delivered);
        Assert.NotNull(request);
        var code = Mailbox.CodeIn(delivered!["text"]!.GetValue<string>());
        Assert.Equal($"Use code {code} to complete your account registration", delivered["subject"]!.GetValue<string>());
        var smsCode = Mailbox.CodeIn(JsonNode.Parse(request.Body)!["body"]!.GetValue<string>());
        Assert.NotEqual(code, smsCode);
        var emailData = JsonNode.Parse((await app.MessagesAsync(email)).Single().TemplateData!)!;
        var smsData = JsonNode.Parse((await app.MessagesAsync("+4916012345678")).Single().TemplateData!)!;
        Assert.Equal(email, emailData["traits"]!["email"]!.GetValue<string>());
        Assert.Equal(email, smsData["identity"]!["email"]!.GetValue<string>());

        var (verified, identity) = await InScopeAsync(app, async sp =>
        {
            var identity = await ValidatedAsync(sp);
            return (await sp.GetRequiredService<RegistrationCodes>().VerifyAsync(flow, identity, code, Ct), identity);
        });

        Assert.Equal(new CodeAddress("email", email), verified.Address);
        Assert.True(identity.VerifiableAddresses.Single().Verified);
    }

    [SkippableFact]
    public async Task ARegistrationWithoutCodeAddresses_IsRefusedWith4000009()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App();
        var flow = await FlowAsync<RegistrationFlow>(app, "registration");

        var refused = await InScopeAsync(app, async sp =>
        {
            var identity = new CustosIdentity { Id = Guid.NewGuid(), SchemaId = "legacy", Traits = new JsonObject { ["email"] = "x@example.com" } };
            await sp.GetRequiredService<IdentityValidator>().ValidateAsync(identity, Ct);
            return await sp.GetRequiredService<RegistrationCodes>().SendAsync(flow, identity, Ct);
        });

        Assert.Equal(4000009, refused!.Id);
        Assert.Equal("choose_method", flow.State);
    }
}
