using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.Audit;

/// <summary>A redeemed recovery code and a verified address are audited with the method and channel, never the code or the address.</summary>
public sealed class AddressFlowAuditTests(AddressFlowApp app) : IClassFixture<AddressFlowApp>
{
    private const string Password = "correct horse battery staple";

    [SkippableFact]
    public async Task Verification_AndRecovery_AreAudited()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var email = $"{Guid.NewGuid():N}@example.com";
        var registered = await (await client.RegisterAsync(email, Password)).JsonAsync();
        var identityId = Guid.Parse(registered["identity"]!["id"]!.GetValue<string>());
        var show = registered["continue_with"]!.AsArray().Single(c => c!["action"]!.GetValue<string>() == "show_verification_ui")!;
        var verificationFlow = await client.GetFlowAsync("verification", show["flow"]!["id"]!.GetValue<string>());
        var verificationCode = await app.LatestCodeAsync(email);
        var verified = await client.SubmitAsync(verificationFlow, new() { ["method"] = "code", ["code"] = verificationCode });

        var recoverer = new FlowClient(app, ClientKind.Spa);
        var recoveryFlow = await recoverer.InitAsync("recovery");
        var sent = (await (await recoverer.SubmitAsync(recoveryFlow, new() { ["method"] = "code", ["email"] = email })).JsonAsync()).AsObject();
        // Pick the recovery mail by its template: under the test clock both mails carry the same time, so "newest" is ambiguous.
        var recoveryMail = (await app.MessagesAsync(email)).First(m => m.TemplateType.StartsWith("recovery", StringComparison.Ordinal));
        var recoveryCode = Mailbox.CodeIn(recoveryMail.Subject + "\n" + recoveryMail.Body);
        var recovered = await recoverer.SubmitAsync(sent, new() { ["method"] = "code", ["code"] = recoveryCode });
        var rows = await app.ForIdentityAsync(identityId);

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal((HttpStatusCode)422, recovered.StatusCode);
        var verification = Assert.Single(rows.OfType("verification.succeeded"));
        Assert.Equal("email", verification.Details["via"]!.GetValue<string>());
        Assert.Equal("code", verification.Details["method"]!.GetValue<string>());
        var recovery = Assert.Single(rows.OfType("recovery.succeeded"));
        Assert.Equal("code", recovery.Details["method"]!.GetValue<string>());
        Assert.NotNull(recovery.SessionId);
        Assert.All(rows, r => Assert.DoesNotContain(email, r.Raw, StringComparison.OrdinalIgnoreCase));
        Assert.All(rows, r => Assert.DoesNotContain(verificationCode, r.Raw, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain(recoveryCode, r.Raw, StringComparison.Ordinal));
    }
}
