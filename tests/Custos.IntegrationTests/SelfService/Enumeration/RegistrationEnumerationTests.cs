using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.SelfService.Enumeration;

/// <summary>
/// With <c>security.account_enumeration.mitigate</c>, a registration with a taken e-mail address answers exactly as one
/// with a new address: same status, headers and body once ids, times and tokens are normalised; nothing is stored, and
/// the verification message a new address gets goes to the existing owner.
/// </summary>
public abstract class RegistrationEnumerationTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : MitigatedApp
{
    private const string Password = "correct horse battery staple";

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    /// <summary>A password registration (the registration hands out no session here).</summary>
    private static async Task<HttpResponseMessage> RegisterAsync(FlowClient client, string email)
    {
        var flow = await client.InitAsync("registration");
        return await client.SubmitAsync(flow, new() { ["method"] = "password", ["traits.email"] = email, ["password"] = Password });
    }

    private async Task<(string New, string Taken)> BothAnswersAsync(ClientKind kind)
    {
        var (fresh, taken) = (NewEmail(), NewEmail());
        await app.Admin().CreateIdentityAsync(taken, "an older password of the owner");
        var first = await RegisterAsync(new FlowClient(app, kind), fresh);
        var second = await RegisterAsync(new FlowClient(app, kind), taken);
        return (await Normalized.AnswerAsync(first, fresh), await Normalized.AnswerAsync(second, taken));
    }

    [SkippableTheory]
    [InlineData(ClientKind.Api)]
    [InlineData(ClientKind.Spa)]
    [InlineData(ClientKind.Browser)]
    public async Task ATakenAddress_AnswersExactlyLikeANewOne(ClientKind kind)
    {
        var (fresh, taken) = await BothAnswersAsync(kind);

        Assert.Equal(fresh, taken);
        Assert.StartsWith(kind == ClientKind.Browser ? "303" : "200", fresh, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ATakenAddress_StoresNothing_AndTheOwnerGetsTheVerificationMessage()
    {
        var taken = NewEmail();
        var owner = await app.Admin().CreateIdentityAsync(taken, "an older password of the owner");

        var answer = await RegisterAsync(new FlowClient(app, ClientKind.Api), taken);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.JsonAsync();
        Assert.NotEqual(owner["id"]!.GetValue<string>(), body["identity"]!["id"]!.GetValue<string>());
        var list = await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={taken}")).JsonAsync();
        Assert.Equal(owner["id"]!.GetValue<string>(), Assert.Single(list.AsArray())!["id"]!.GetValue<string>());
        var found = await app.Admin().GetAsync($"/admin/identities/{body["identity"]!["id"]!.GetValue<string>()}");
        Assert.Equal(HttpStatusCode.NotFound, found.StatusCode);
        Assert.Equal("verification_code_valid", Assert.Single(await app.MessagesAsync(taken)).TemplateType);
        // The owner's password still works; the registrant's does not.
        Assert.Equal(HttpStatusCode.OK, (await new FlowClient(app, ClientKind.Api).LoginAsync(taken, "an older password of the owner")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await new FlowClient(app, ClientKind.Api).LoginAsync(taken, Password)).StatusCode);
    }

    [SkippableFact]
    public async Task TheVerificationFlowItPointsAt_IsARealOne()
    {
        var taken = NewEmail();
        await app.Admin().CreateIdentityAsync(taken, "an older password of the owner");
        var client = new FlowClient(app, ClientKind.Api);

        var body = await (await RegisterAsync(client, taken)).JsonAsync();

        var next = Assert.Single(body["continue_with"]!.AsArray())!;
        Assert.Equal("show_verification_ui", next["action"]!.GetValue<string>());
        var flow = await client.GetFlowAsync("verification", next["flow"]!["id"]!.GetValue<string>());
        Assert.Equal("sent_email", flow["state"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task SubmittingTheSameFlowAgain_AnswersLikeAPassedRegistration()
    {
        var (fresh, taken) = (NewEmail(), NewEmail());
        await app.Admin().CreateIdentityAsync(taken, "an older password of the owner");
        var answers = new List<string>();
        foreach (var email in new[] { fresh, taken })
        {
            var client = new FlowClient(app, ClientKind.Spa);
            var flow = await client.InitAsync("registration");
            var fields = new Dictionary<string, string> { ["method"] = "password", ["traits.email"] = email, ["password"] = Password };
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(flow, fields)).StatusCode);
            answers.Add(await Normalized.AnswerAsync(await client.SubmitAsync(flow, fields), email));
        }

        Assert.Equal(answers[0], answers[1]);
    }
}

public sealed class SqliteRegistrationEnumerationTests(MitigatedApp app) : RegistrationEnumerationTests<MitigatedApp>(app);

public sealed class PostgresRegistrationEnumerationTests(PostgresMitigatedApp app) : RegistrationEnumerationTests<PostgresMitigatedApp>(app);

/// <summary>Without the switch, Kratos's answer: 4000007 tells a taken address apart (the tests above rely on this differing).</summary>
public sealed class UnmitigatedRegistrationTests(UnmitigatedApp app) : IClassFixture<UnmitigatedApp>
{
    [SkippableFact]
    public async Task ATakenAddress_Answers4000007()
    {
        var taken = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(taken, "an older password of the owner");

        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("registration");
        var answer = await client.SubmitAsync(flow, new() { ["method"] = "password", ["traits.email"] = taken, ["password"] = "correct horse battery staple" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("4000007", FlowClient.MessageIds((await answer.JsonAsync()).AsObject()));
    }
}
