using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Courier;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.SelfService.Code;

/// <summary>
/// Code login and code registration for a phone number (<c>via: sms</c>): the code goes out through the courier's SMS
/// channel to an HTTP endpoint, is read from the request that endpoint received, and completes the flow.
/// </summary>
public sealed class CodeSmsTests : IDisposable
{
    private readonly RecordingHttpServer _sms = new();
    private readonly CodeRegistrationApp _app;

    public CodeSmsTests()
    {
        _app = new CodeRegistrationApp("unified", extraYaml: $"""
            courier:
              channels:
                - id: sms
                  type: http
                  request_config:
                    url: {_sms.Url("/sms")}
                    method: POST
              worker:
                pull_wait: 100ms
            """)
        { WatchCourier = true };
    }

    public void Dispose()
    {
        _app.Dispose();
        _sms.Dispose();
    }

    [SkippableFact]
    public async Task ALoginCode_BySms_SignsIn_AndVerifiesThePhoneNumber()
    {
        var created = await _app.Admin().PostJsonAsync("/admin/identities", """{"schema_id":"sms","traits":{"phone":"+4915112345678"}}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = new FlowClient(_app, ClientKind.Api);
        var flow = await client.InitAsync("login");

        var send = await client.SubmitAsync(flow, new() { ["method"] = "code", ["identifier"] = "+49 151 12345678" });
        var sent = await CodeFlow.AfterAsync(client, send, flow);
        var code = await CodeSentAsync("+4915112345678");
        var done = await client.SubmitAsync(sent, new() { ["method"] = "code", ["identifier"] = "+49 151 12345678", ["code"] = code });
        var body = await done.JsonAsync();

        Assert.Equal("sent_email", sent["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("code", body["session"]!["authentication_methods"]![0]!["method"]!.GetValue<string>());
        var address = body["session"]!["identity"]!["verifiable_addresses"]!.AsArray().Single()!;
        Assert.Equal(("sms", "+4915112345678", true), (address["via"]!.GetValue<string>(), address["value"]!.GetValue<string>(), address["verified"]!.GetValue<bool>()));
    }

    [SkippableFact]
    public async Task ARegistrationCode_BySms_CreatesTheIdentity_WithThePhoneNumberVerified()
    {
        var client = new FlowClient(_app, ClientKind.Api);
        var flow = await client.InitAsync("registration", "?identity_schema=sms");

        var send = await client.SubmitAsync(flow, new() { ["method"] = "code", ["traits.phone"] = "+49 160 12345678" });
        var sent = await CodeFlow.AfterAsync(client, send, flow);
        var code = await CodeSentAsync("+4916012345678");
        var done = await client.SubmitAsync(sent, new() { ["method"] = "code", ["traits.phone"] = "+49 160 12345678", ["code"] = code });
        var body = await done.JsonAsync();

        Assert.Equal("sent_email", sent["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.StartsWith("ory_st_", body["session_token"]!.GetValue<string>(), StringComparison.Ordinal);
        var identity = body["identity"]!;
        Assert.Equal("sms", identity["schema_id"]!.GetValue<string>());
        var address = identity["verifiable_addresses"]!.AsArray().Single()!;
        Assert.Equal(("sms", "+4916012345678", true, "completed"),
            (address["via"]!.GetValue<string>(), address["value"]!.GetValue<string>(), address["verified"]!.GetValue<bool>(), address["status"]!.GetValue<string>()));
        var stored = JsonNode.Parse((await _app.MessagesAsync("+4916012345678")).Single().TemplateData!)!;
        Assert.Equal("+49 160 12345678", stored["identity"]!["phone"]!.GetValue<string>());
    }

    // The code as the SMS endpoint received it, in the default body "Your … code is: 123456".
    private async Task<string> CodeSentAsync(string phone)
    {
        var request = await _sms.WaitForAsync("/sms");
        Assert.NotNull(request);
        var sms = JsonNode.Parse(request.Body)!;
        Assert.Equal(phone, sms["recipient"]!.GetValue<string>());
        var code = Mailbox.CodeIn(sms["body"]!.GetValue<string>());
        Assert.Matches("^[0-9]{6}$", code);
        return code;
    }
}
