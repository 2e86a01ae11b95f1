using System.Net;
using Custos.IntegrationTests.Courier;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;
using Custos.IntegrationTests.SelfService.Enumeration;

namespace Custos.IntegrationTests.SelfService.Limits;

/// <summary>
/// <c>security.throttling.courier_address</c> (5 / 1h per recipient) and <c>courier_client</c> (per client address):
/// over a limit nothing is queued or delivered, and the flow answers exactly as if the message went out.
/// </summary>
public sealed class CourierLimitTests(MailDevServer mail) : IClassFixture<MailDevServer>
{
    private const string Password = "correct horse battery staple";

    private static CustosAppFactory App(int smtpPort, int clientLimit = 100000) => new()
    {
        WatchCourier = true,
        ExtraYaml = CodeLimitApp.Yaml.Replace("limit: 100000", $"limit: {clientLimit}", StringComparison.Ordinal) + $"""

            courier:
              smtp:
                connection_uri: smtp://127.0.0.1:{smtpPort}/?disable_starttls=true
                from_address: accounts@example.org
              worker:
                pull_wait: 100ms
            """,
    };

    private static async Task<HttpResponseMessage> RequestAsync(CustosAppFactory app, string kind, string email)
    {
        var client = new FlowClient(app, ClientKind.Api);
        return await client.SubmitAsync(await client.InitAsync(kind), new() { ["method"] = "code", ["email"] = email });
    }

    [SkippableFact]
    public async Task RecoveryMailsToOneAddress_StopAtFive_AndEveryAnswerLooksTheSame()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App(mail.SmtpPort);
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);

        var answers = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            answers.Add(await Normalized.AnswerAsync(await RequestAsync(app, "recovery", email), email));
        }

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.StartsWith("200", answers[0], StringComparison.Ordinal);
        Assert.Equal(5, (await app.MessagesAsync(email)).Count);
        Assert.Equal(5, (await mail.WaitForEmailsToAsync(email, 5)).Count);
        // A sixth delivery would have had time to arrive by now.
        await Task.Delay(1500);
        Assert.Equal(5, (await mail.EmailsToAsync(email)).Count);
    }

    [SkippableFact]
    public async Task VerificationAndLoginCodeMessages_ShareTheAddressLimit()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App(mail.SmtpPort);
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await RequestAsync(app, "verification", email)).StatusCode);
            var client = new FlowClient(app, ClientKind.Api);
            var sent = await client.SubmitAsync(await client.InitAsync("login"), new() { ["method"] = "code", ["identifier"] = email });
            Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
            Assert.Equal("sent_email", (await sent.JsonAsync())["state"]!.GetValue<string>());
        }

        var queued = await app.MessagesAsync(email);
        Assert.Equal(5, queued.Count);
        Assert.Equal(3, queued.Count(m => m.TemplateType == "verification_code_valid"));
    }

    [SkippableFact]
    public async Task OneClientAddress_IsLimitedAcrossRecipients()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App(mail.SmtpPort, clientLimit: 3);
        var emails = Enumerable.Range(0, 4).Select(_ => $"{Guid.NewGuid():N}@example.com").ToList();
        foreach (var email in emails)
        {
            await app.Admin().CreateIdentityAsync(email, Password);
        }

        var answers = new List<string>();
        foreach (var email in emails)
        {
            answers.Add(await Normalized.AnswerAsync(await RequestAsync(app, "recovery", email), email));
        }

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        var counts = new List<int>();
        foreach (var email in emails)
        {
            counts.Add((await app.MessagesAsync(email)).Count);
        }

        Assert.Equal([1, 1, 1, 0], counts);
        Assert.Empty(await mail.EmailsToAsync(emails[3]));
    }
}
