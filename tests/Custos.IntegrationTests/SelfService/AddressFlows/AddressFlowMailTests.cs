using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Courier;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.AddressFlows;

/// <summary>
/// Verification and recovery end to end over real SMTP: the courier worker delivers to MailDev, and the code is read
/// from the mail MailDev received.
/// </summary>
public sealed class AddressFlowMailTests(MailDevServer mail) : IClassFixture<MailDevServer>
{
    private const string Password = "correct horse battery staple";

    // Both flows with the link strategy instead of codes.
    private const string LinkYaml = """
        secrets:
          default:
            - a-default-secret-of-32-characters
        selfservice:
          methods:
            link:
              enabled: true
          flows:
            recovery:
              enabled: true
              use: link
              ui_url: http://localhost:4455/recovery
            verification:
              enabled: true
              use: link
              ui_url: http://localhost:4455/verification
        """;

    // Without backoff between attempts a message is retried every pull; the outage test allows many attempts.
    private static CustosAppFactory App(int smtpPort, int retries = 5, string flowsYaml = AddressFlowApp.Yaml) => new()
    {
        WatchCourier = true,
        ExtraYaml = flowsYaml + $"""

            courier:
              smtp:
                connection_uri: smtp://127.0.0.1:{smtpPort}/?disable_starttls=true
                from_address: accounts@example.org
              message_retries: {retries}
              worker:
                pull_wait: 100ms
            """,
    };

    private static string CodeIn(JsonNode email) => Mailbox.CodeIn(email["text"]!.GetValue<string>());

    [SkippableFact]
    public async Task Registration_VerificationMailArrives_AndItsCodeVerifiesTheAddress()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App(mail.SmtpPort);
        var client = new FlowClient(app, ClientKind.Browser);
        var email = $"{Guid.NewGuid():N}@example.com";

        var registered = await client.RegisterAsync(email, Password);
        var flowId = System.Web.HttpUtility.ParseQueryString(registered.Headers.Location!.Query)["flow"]!;
        var delivered = (await mail.WaitForEmailsToAsync(email)).LastOrDefault();

        Assert.NotNull(delivered);
        var code = CodeIn(delivered!);
        Assert.Matches("^[0-9]{6}$", code);
        var flow = await client.GetFlowAsync("verification", flowId);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code })).StatusCode);
        var identity = (await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync())[0]!;
        Assert.True(identity["verifiable_addresses"]![0]!["verified"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task RecoveryMailArrives_ItsCodeSignsIn_AndTheNewPasswordWorks()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App(mail.SmtpPort);
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Browser);
        var flow = await client.InitAsync("recovery");
        await client.SubmitAsync(flow, new() { ["method"] = "code", ["email"] = email });
        flow = await client.GetFlowAsync("recovery", flow["id"]!.GetValue<string>());

        var delivered = (await mail.WaitForEmailsToAsync(email)).LastOrDefault();
        Assert.NotNull(delivered);
        var used = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = CodeIn(delivered!) });
        Assert.Equal(HttpStatusCode.SeeOther, used.StatusCode);
        var settings = await client.GetFlowAsync("settings", System.Web.HttpUtility.ParseQueryString(used.Headers.Location!.Query)["flow"]!);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.SubmitAsync(settings, new() { ["method"] = "password", ["password"] = "my new and better passphrase" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await new FlowClient(app, ClientKind.Api).LoginAsync(email, "my new and better passphrase")).StatusCode);
    }

    [SkippableFact]
    public async Task RecoveryLinkMailArrives_TheLinkSignsIn_AndTheNewPasswordWorks()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App(mail.SmtpPort, flowsYaml: LinkYaml);
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Browser);
        await client.SubmitAsync(await client.InitAsync("recovery"), new() { ["method"] = "link", ["email"] = email });

        var delivered = (await mail.WaitForEmailsToAsync(email)).LastOrDefault();
        Assert.NotNull(delivered);
        var link = Mailbox.LinkIn(delivered!["text"]!.GetValue<string>());
        Assert.StartsWith("/self-service/recovery?", link, StringComparison.Ordinal);
        var browser = new FlowClient(app, ClientKind.Browser);
        var clicked = await browser.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.SeeOther, clicked.StatusCode);
        var settings = await browser.GetFlowAsync("settings", System.Web.HttpUtility.ParseQueryString(clicked.Headers.Location!.Query)["flow"]!);
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.SubmitAsync(settings, new() { ["method"] = "password", ["password"] = "my new and better passphrase" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await new FlowClient(app, ClientKind.Api).LoginAsync(email, "my new and better passphrase")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await new FlowClient(app, ClientKind.Api).LoginAsync(email, Password)).StatusCode);
    }

    [SkippableFact]
    public async Task Registration_VerificationLinkMailArrives_AndTheLinkVerifiesTheAddress()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App(mail.SmtpPort, flowsYaml: LinkYaml);
        var email = $"{Guid.NewGuid():N}@example.com";
        await new FlowClient(app, ClientKind.Api).RegisterAsync(email, Password);

        var delivered = (await mail.WaitForEmailsToAsync(email)).LastOrDefault();
        Assert.NotNull(delivered);
        var link = Mailbox.LinkIn(delivered!["text"]!.GetValue<string>());
        Assert.StartsWith("/self-service/verification?", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, (await new FlowClient(app, ClientKind.Browser).Http.GetAsync(link)).StatusCode);

        var identity = (await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync())[0]!;
        Assert.Equal("completed", identity["verifiable_addresses"]![0]!["status"]!.GetValue<string>());
        Assert.True(identity["verifiable_addresses"]![0]!["verified"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task WhileSmtpIsDown_TheRecoveryMailWaits_AndIsDeliveredOnceWhenItIsBack()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        var port = MailDevServer.FreePort();
        using var app = App(port, retries: 10_000);
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Api);
        await client.SubmitAsync(await client.InitAsync("recovery"), new() { ["method"] = "code", ["email"] = email });

        global::Custos.Courier.CourierMessage? queued = null;
        for (var i = 0; i < 100 && queued is not { SendCount: > 0 }; i++)
        {
            await Task.Delay(100);
            queued = (await app.MessagesAsync(email)).SingleOrDefault();
        }

        Assert.Equal("queued", queued!.Status);
        var late = MailDevServer.OnPort(port);
        try
        {
            await late.InitializeAsync();
            Skip.If(late.Unavailable is not null, late.Unavailable);
            Assert.NotNull((await late.WaitForEmailsToAsync(email)).LastOrDefault());
            await Task.Delay(1000);

            Assert.Single(await late.EmailsAsync(), m => m!["to"]!.AsArray().Any(t => t!["address"]!.GetValue<string>() == email));
            Assert.Equal("sent", (await app.MessagesAsync(email)).Single().Status);
        }
        finally
        {
            await late.DisposeAsync();
        }
    }
}
