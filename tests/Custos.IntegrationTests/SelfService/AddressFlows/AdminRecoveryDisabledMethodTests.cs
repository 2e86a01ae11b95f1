using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.AddressFlows;

/// <summary>
/// A switched-off method neither issues nor redeems: Kratos answers its admin endpoint with 404, and a code or link
/// issued before the method was switched off (a config change and a restart) with the same 404. The tests switch the
/// method off on this class's own app, as a new configuration would, and back on afterwards.
/// </summary>
public sealed class AdminRecoveryDisabledMethodTests(CodeAndLinkRecoveryApp app) : IClassFixture<CodeAndLinkRecoveryApp>
{
    [SkippableFact]
    public async Task AdminLink_IssuedBeforeTheLinkMethodWasSwitchedOff_IsRefusedWith404_AndSignsNobodyIn()
    {
        var identity = await app.Admin().CreateIdentityAsync($"{Guid.NewGuid():N}@example.com");
        var created = await app.Admin().PostJsonAsync("/admin/recovery/link", $$"""{"identity_id":"{{identity["id"]}}"}""");
        var link = new Uri((await created.JsonAsync())["recovery_link"]!.GetValue<string>()).PathAndQuery;
        var browser = new FlowClient(app, ClientKind.Browser);
        var json = new HttpRequestMessage(HttpMethod.Get, link);
        json.Headers.Accept.ParseAdd("application/json");

        app.Options.Selfservice.Methods.Link.Enabled = false;
        HttpResponseMessage refused, clicked;
        try
        {
            refused = await new FlowClient(app, ClientKind.Spa).Http.SendAsync(json);
            clicked = await browser.Http.GetAsync(link);
        }
        finally
        {
            app.Options.Selfservice.Methods.Link.Enabled = true;
        }

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(404, (await refused.JsonAsync())["error"]!["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.SeeOther, clicked.StatusCode);
        Assert.StartsWith("http://localhost:4455/error?id=", clicked.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.WhoamiAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.Http.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.WhoamiAsync()).StatusCode);
    }

    [SkippableFact]
    public async Task AdminCode_IssuedBeforeTheCodeMethodWasSwitchedOff_IsRefusedWith404()
    {
        var identity = await app.Admin().CreateIdentityAsync($"{Guid.NewGuid():N}@example.com");
        var created = await (await app.Admin().PostJsonAsync("/admin/recovery/code", $$"""{"identity_id":"{{identity["id"]}}","flow_type":"api"}""")).JsonAsync();
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.GetFlowAsync("recovery", System.Web.HttpUtility.ParseQueryString(new Uri(created["recovery_link"]!.GetValue<string>()).Query)["flow"]!);

        app.Options.Selfservice.Methods.Code.Enabled = false;
        HttpResponseMessage refused, endpoint;
        try
        {
            refused = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = created["recovery_code"]!.GetValue<string>() });
            endpoint = await app.Admin().PostJsonAsync("/admin/recovery/code", $$"""{"identity_id":"{{identity["id"]}}"}""");
        }
        finally
        {
            app.Options.Selfservice.Methods.Code.Enabled = true;
        }

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(404, (await refused.JsonAsync())["error"]!["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, endpoint.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = created["recovery_code"]!.GetValue<string>() })).StatusCode);
    }
}
