using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.SelfService.Code;

/// <summary>
/// Sign-up with an e-mailed code (strategies contract §1.6) over HTTP, as browsers, SPAs and native apps do it: the
/// unified form here, profile-first in its own test; codes are read from the courier store.
/// </summary>
public sealed class CodeRegistrationTests : IDisposable
{
    private readonly CodeRegistrationApp _app = new("unified");

    public void Dispose() => _app.Dispose();

    [SkippableTheory]
    [InlineData(ClientKind.Browser)]
    [InlineData(ClientKind.Spa)]
    [InlineData(ClientKind.Api)]
    public async Task ACode_RegistersAVerifiedIdentity_AndSignsItIn(ClientKind kind)
    {
        var client = new FlowClient(_app, kind);
        var email = NewEmail();
        var flow = await client.InitAsync("registration");

        var send = await client.SubmitAsync(flow, Send(email));
        var sent = await CodeFlow.AfterAsync(client, send, flow);
        var done = await client.SubmitAsync(sent, Verify(email, await _app.LatestCodeAsync(email)));
        if (kind == ClientKind.Api)
        {
            client.SessionToken = (await done.JsonAsync())["session_token"]?.GetValue<string>();
        }

        var whoami = await client.WhoamiAsync();
        var session = await whoami.JsonAsync();

        Assert.Equal(1040006, CodeFlow.Label(CodeFlow.Node(flow, "method", "submit", "code")));
        Assert.Equal(kind == ClientKind.Browser ? HttpStatusCode.SeeOther : HttpStatusCode.BadRequest, send.StatusCode);
        Assert.Equal("sent_email", sent["state"]!.GetValue<string>());
        Assert.Equal("code", sent["active"]!.GetValue<string>());
        Assert.Contains("1040005", FlowClient.MessageIds(sent));
        Assert.Equal(kind == ClientKind.Browser ? HttpStatusCode.SeeOther : HttpStatusCode.OK, done.StatusCode);
        if (kind == ClientKind.Browser)
        {
            Assert.Equal("http://localhost:4455/", done.Headers.Location?.ToString());
        }

        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        Assert.Equal("code", session["authentication_methods"]![0]!["method"]!.GetValue<string>());
        Assert.Equal("aal1", session["authentication_methods"]![0]!["aal"]!.GetValue<string>());
        Assert.Equal("aal1", session["authenticator_assurance_level"]!.GetValue<string>());
        var address = session["identity"]!["verifiable_addresses"]!.AsArray().Single()!;
        Assert.Equal(email, address["value"]!.GetValue<string>());
        Assert.True(address["verified"]!.GetValue<bool>());
        Assert.Equal("completed", address["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task TheCodeSentForm_HidesTheTraits_AndOffersCodeContinueAndResend()
    {
        var client = new FlowClient(_app, ClientKind.Api);
        var email = NewEmail();

        var sent = await SendAsync(client, email);

        var trait = CodeFlow.Node(sent, "traits.email");
        Assert.Equal("hidden", CodeFlow.Type(trait));
        Assert.Equal(email, trait!["attributes"]!["value"]!.GetValue<string>());
        Assert.NotNull(CodeFlow.Node(sent, "method", "hidden", "code"));
        var code = CodeFlow.Node(sent, "code");
        Assert.Equal(1070012, CodeFlow.Label(code));
        Assert.Equal("one-time-code", code!["attributes"]!["autocomplete"]!.GetValue<string>());
        Assert.True(code["attributes"]!["required"]!.GetValue<bool>());
        Assert.Equal(1070009, CodeFlow.Label(CodeFlow.Node(sent, "method", "submit", "code")));
        Assert.Equal(1070008, CodeFlow.Label(CodeFlow.Node(sent, "resend", "submit", "code")));
        Assert.Null(CodeFlow.Node(sent, "screen"));
        Assert.Null(CodeFlow.Node(sent, "password"));
    }

    [SkippableFact]
    public async Task TheIdentity_HasTheCodeCredential_WithItsAddresses()
    {
        var client = new FlowClient(_app, ClientKind.Api);
        var email = NewEmail();
        var sent = await SendAsync(client, email, phone: "+49 176 12345678");

        var done = await client.SubmitAsync(sent, Verify(email, await _app.LatestCodeAsync(email), phone: "+49 176 12345678"));
        var id = (await done.JsonAsync())["identity"]!["id"]!.GetValue<string>();
        var admin = await (await _app.Admin().GetAsync($"/admin/identities/{id}?include_credential=code")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var credential = admin["credentials"]!["code"]!;
        Assert.Equal(1, credential["version"]!.GetValue<int>());
        Assert.Equal(["+4917612345678", email], credential["identifiers"]!.AsArray().Select(i => i!.GetValue<string>()));
        var expected = JsonNode.Parse($$"""{"addresses":[{"channel":"sms","address":"+4917612345678"},{"channel":"email","address":"{{email}}"}]}""");
        Assert.True(JsonNode.DeepEquals(expected, credential["config"]), credential["config"]!.ToJsonString());
    }

    [SkippableFact]
    public async Task AWrongCode_Gets4040003_AndTheRightOneStillWorks()
    {
        var client = new FlowClient(_app, ClientKind.Api);
        var email = NewEmail();
        var sent = await SendAsync(client, email);
        var code = await _app.LatestCodeAsync(email);

        var wrong = await client.SubmitAsync(sent, Verify(email, code == "000000" ? "111111" : "000000"));
        var refused = (await wrong.JsonAsync()).AsObject();
        var right = await client.SubmitAsync(sent, Verify(email, code));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["4040003"], FlowClient.MessageIds(refused));
        Assert.Equal("sent_email", refused["state"]!.GetValue<string>());
        Assert.NotNull(CodeFlow.Node(refused, "code"));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [SkippableFact]
    public async Task AMissingCode_Gets4000002_OnTheCodeNode()
    {
        var client = new FlowClient(_app, ClientKind.Api);
        var email = NewEmail();
        var sent = await SendAsync(client, email);

        var response = await client.SubmitAsync(sent, new() { ["method"] = "code", ["traits.email"] = email });
        var refused = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(4000002, CodeFlow.Node(refused, "code")!["messages"]![0]!["id"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task OtherTraits_ThanTheCodeWasSentFor_Get4000036_AndNoIdentity()
    {
        var client = new FlowClient(_app, ClientKind.Api);
        var email = NewEmail();
        var other = NewEmail();
        var sent = await SendAsync(client, email);

        var response = await client.SubmitAsync(sent, Verify(other, await _app.LatestCodeAsync(email)));
        var listed = await (await _app.Admin().GetAsync($"/admin/identities?credentials_identifier={other}")).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["4000036"], FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
        Assert.Empty(listed.AsArray());
    }

    [SkippableFact]
    public async Task Resend_SendsANewCode_AndTheEarlierOneStopsWorking()
    {
        var client = new FlowClient(_app, ClientKind.Api);
        var email = NewEmail();
        var sent = await SendAsync(client, email);
        var first = await _app.LatestCodeAsync(email);

        var resend = await client.SubmitAsync(sent, new() { ["method"] = "code", ["resend"] = "code", ["traits.email"] = email });
        var resent = (await resend.JsonAsync()).AsObject();
        var second = await _app.LatestCodeAsync(email);
        var old = await client.SubmitAsync(resent, Verify(email, first));
        var fresh = await client.SubmitAsync(resent, Verify(email, second));

        Assert.Equal(HttpStatusCode.BadRequest, resend.StatusCode);
        Assert.Equal("sent_email", resent["state"]!.GetValue<string>());
        Assert.Equal(2, (await _app.MessagesAsync(email)).Count);
        Assert.Equal(["4040003"], FlowClient.MessageIds((await old.JsonAsync()).AsObject()));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [SkippableFact]
    public async Task PastMaxSubmissions_EvenTheRightCodeIsRefused()
    {
        using var app = new CodeRegistrationApp("unified", maxSubmissions: 2);
        var client = new FlowClient(app, ClientKind.Api);
        var email = NewEmail();
        var sent = await SendAsync(client, email);
        var code = await app.LatestCodeAsync(email);
        var wrong = code == "000000" ? "111111" : "000000";

        await client.SubmitAsync(sent, Verify(email, wrong));
        await client.SubmitAsync(sent, Verify(email, wrong));
        var third = await client.SubmitAsync(sent, Verify(email, code));
        var refused = (await third.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
        Assert.Equal(["4000001"], FlowClient.MessageIds(refused));
        Assert.Equal("The request was submitted too often. Please request another code.", refused["ui"]!["messages"]![0]!["text"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task ASchemaWithoutCodeAddresses_Gets4000009_AndNothingIsSent()
    {
        var client = new FlowClient(_app, ClientKind.Api);
        var email = NewEmail();
        var flow = await client.InitAsync("registration", "?identity_schema=legacy");

        var response = await client.SubmitAsync(flow, Send(email));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["4000009"], FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
        Assert.Empty(await _app.MessagesAsync(email));
    }

    [SkippableFact]
    public async Task InvalidTraits_AreShownOnTheirNode_AndNothingIsSent()
    {
        var client = new FlowClient(_app, ClientKind.Api);
        var flow = await client.InitAsync("registration");

        var response = await client.SubmitAsync(flow, Send("not-an-email"));
        var refused = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("choose_method", refused["state"]!.GetValue<string>());
        Assert.NotEmpty(CodeFlow.Node(refused, "traits.email")!["messages"]!.AsArray());
        Assert.Empty(await _app.MessagesAsync("not-an-email"));
    }

    [SkippableFact]
    public async Task ProfileFirst_OffersTheCodeOnTheCredentialScreen_AndBackReturnsThere()
    {
        using var app = new CodeRegistrationApp("profile_first");
        var client = new FlowClient(app, ClientKind.Api);
        var email = NewEmail();
        var profile = await client.InitAsync("registration");

        var credentials = await CodeFlow.AfterAsync(client, await client.SubmitAsync(profile, new() { ["method"] = "profile", ["traits.email"] = email }), profile);
        var sent = await CodeFlow.AfterAsync(client, await client.SubmitAsync(credentials, Send(email)), credentials);
        var back = await CodeFlow.AfterAsync(client, await client.SubmitAsync(sent, new() { ["method"] = "code", ["screen"] = "credential-selection", ["traits.email"] = email }), sent);
        var again = await CodeFlow.AfterAsync(client, await client.SubmitAsync(back, Send(email)), back);
        var done = await client.SubmitAsync(again, Verify(email, await app.LatestCodeAsync(email)));

        Assert.Null(CodeFlow.Node(profile, "method", "submit", "code"));
        Assert.Equal(1040006, CodeFlow.Label(CodeFlow.Node(credentials, "method", "submit", "code")));
        Assert.Equal("sent_email", sent["state"]!.GetValue<string>());
        var backButton = CodeFlow.Node(sent, "screen", "submit", "credential-selection");
        Assert.Equal(1040008, CodeFlow.Label(backButton));
        Assert.Equal("profile", backButton!["group"]!.GetValue<string>());
        Assert.Equal("choose_method", back["state"]!.GetValue<string>());
        Assert.Equal(1040006, CodeFlow.Label(CodeFlow.Node(back, "method", "submit", "code")));
        Assert.Null(CodeFlow.Node(back, "code"));
        Assert.Equal("sent_email", again["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(2, (await app.MessagesAsync(email)).Count);
    }

    [SkippableFact]
    public async Task WithoutPasswordless_MethodCode_IsADisabledEndpoint()
    {
        using var app = new CustosAppFactory();
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("registration");

        var response = await client.SubmitAsync(flow, Send(NewEmail()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(CodeFlow.Node(flow, "method", "submit", "code"));
    }

    private async Task<JsonObject> SendAsync(FlowClient client, string email, string? phone = null)
    {
        var flow = await client.InitAsync("registration");
        var fields = Send(email);
        if (phone is not null)
        {
            fields["traits.phone"] = phone;
        }

        var response = await client.SubmitAsync(flow, fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.JsonAsync()).AsObject();
    }

    private static Dictionary<string, string> Send(string email) => new() { ["method"] = "code", ["traits.email"] = email };

    private static Dictionary<string, string> Verify(string email, string code, string? phone = null)
    {
        var fields = new Dictionary<string, string> { ["method"] = "code", ["traits.email"] = email, ["code"] = code };
        if (phone is not null)
        {
            fields["traits.phone"] = phone;
        }

        return fields;
    }

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";
}
