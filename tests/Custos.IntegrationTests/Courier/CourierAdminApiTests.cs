using System.Net;
using System.Text.RegularExpressions;
using Custos.Courier;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Courier;

public abstract class CourierAdminApiTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    [SkippableFact]
    public async Task Get_ReturnsTheMessage_WithSubjectAndBodyInDevMode()
    {
        var message = await app.EnqueueAsync($"{Guid.NewGuid():N}@example.com");

        var response = await app.Admin().GetAsync($"/admin/courier/messages/{message.Id}");
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message.Id.ToString(), body["id"]!.GetValue<string>());
        Assert.Equal("queued", body["status"]!.GetValue<string>());
        Assert.Equal("email", body["type"]!.GetValue<string>());
        Assert.Equal(message.Recipient, body["recipient"]!.GetValue<string>());
        Assert.Equal(message.Subject, body["subject"]!.GetValue<string>());
        Assert.Equal(message.Body, body["body"]!.GetValue<string>());
        Assert.Equal("login_code_valid", body["template_type"]!.GetValue<string>());
        Assert.Equal("email", body["channel"]!.GetValue<string>());
        Assert.Equal(0, body["send_count"]!.GetValue<int>());
        Assert.NotNull(body["created_at"]);
        Assert.NotNull(body["updated_at"]);
    }

    [SkippableFact]
    public async Task Get_BadUuid_Is400_UnknownIs404()
    {
        var bad = await app.Admin().GetAsync("/admin/courier/messages/not-a-uuid");
        var unknown = await app.Admin().GetAsync($"/admin/courier/messages/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [SkippableFact]
    public async Task List_NewestFirst_FiltersByRecipient_AndPagesThroughLinkHeader()
    {
        var recipient = $"{Guid.NewGuid():N}@example.com";
        var start = DateTime.UtcNow.AddDays(1);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Insert(0, (await app.EnqueueAsync(recipient, start.AddSeconds(i))).Id.ToString());
        }

        await app.EnqueueAsync($"{Guid.NewGuid():N}@example.com");

        var response = await app.Admin().GetAsync($"/admin/courier/messages?page_size=2&recipient={Uri.EscapeDataString(recipient)}");
        var first = (await response.JsonAsync()).AsArray();
        var link = response.Headers.GetValues("Link").Single();
        var next = Regex.Match(link, "<http://localhost:4434(?<url>[^>]+)>; rel=\"next\"").Groups["url"].Value;
        var second = (await (await app.Admin().GetAsync(next)).JsonAsync()).AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("rel=\"first\"", link, StringComparison.Ordinal);
        Assert.Equal(ids, first.Concat(second).Select(m => m!["id"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task List_DefaultsToTenPerPage()
    {
        for (var i = 0; i < 11; i++)
        {
            await app.EnqueueAsync($"{Guid.NewGuid():N}@example.com");
        }

        var page = (await (await app.Admin().GetAsync("/admin/courier/messages")).JsonAsync()).AsArray();

        Assert.Equal(10, page.Count);
    }

    [SkippableFact]
    public async Task List_FiltersByStatus_AndRejectsAnUnknownStatus()
    {
        var recipient = $"{Guid.NewGuid():N}@example.com";
        var sent = await app.EnqueueAsync(recipient);
        await app.EnqueueAsync(recipient);
        await app.WithStoreAsync(s => s.RecordSentAsync(sent.Id, CancellationToken.None));

        var list = (await (await app.Admin().GetAsync($"/admin/courier/messages?status=sent&recipient={Uri.EscapeDataString(recipient)}")).JsonAsync()).AsArray();
        var invalid = await app.Admin().GetAsync("/admin/courier/messages?status=delivered");
        var badToken = await app.Admin().GetAsync("/admin/courier/messages?page_token=garbage");

        Assert.Equal([sent.Id.ToString()], list.Select(m => m!["id"]!.GetValue<string>()));
        Assert.Equal(CourierMessageStatus.Sent, list[0]!["status"]!.GetValue<string>());
        Assert.Equal(1, list[0]!["send_count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);
    }

    [SkippableFact]
    public async Task PageToken_IsEncrypted_AndATamperedOrCraftedTokenIs400InKratossEnvelope()
    {
        var recipient = $"{Guid.NewGuid():N}@example.com";
        var last = await app.EnqueueAsync(recipient);
        await app.EnqueueAsync(recipient);
        var response = await app.Admin().GetAsync($"/admin/courier/messages?page_size=1&recipient={Uri.EscapeDataString(recipient)}");
        var token = Regex.Match(response.Headers.GetValues("Link").Single(), "page_token=(?<t>[^&>]+)").Groups["t"].Value;
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var crafted = new Custos.Sessions.SessionCursor(last.CreatedAt, last.Id).Encode();

        var ok = await app.Admin().GetAsync($"/admin/courier/messages?page_size=1&page_token={token}&recipient={Uri.EscapeDataString(recipient)}");
        var bad = await app.Admin().GetAsync($"/admin/courier/messages?page_token={tampered}");
        var plain = await app.Admin().GetAsync($"/admin/courier/messages?page_token={crafted}");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Single((await ok.JsonAsync()).AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = (await bad.JsonAsync())["error"]!;
        Assert.Equal(400, error["code"]!.GetValue<int>());
        Assert.Equal("Bad Request", error["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
    }

    [SkippableFact]
    public async Task Get_ShowsDispatchesNewestFirst_TheListDoesNot()
    {
        var recipient = $"{Guid.NewGuid():N}@example.com";
        var message = await app.EnqueueAsync(recipient);
        await app.WithStoreAsync(s => s.RecordDispatchAsync(message.Id, CourierMessageDispatch.Failed, """{"code":500,"message":"smtp down"}""", CancellationToken.None));
        await Task.Delay(5);
        await app.WithStoreAsync(s => s.RecordDispatchAsync(message.Id, CourierMessageDispatch.Success, null, CancellationToken.None));

        var one = (await (await app.Admin().GetAsync($"/admin/courier/messages/{message.Id}")).JsonAsync()).AsObject();
        var list = (await (await app.Admin().GetAsync($"/admin/courier/messages?recipient={Uri.EscapeDataString(recipient)}")).JsonAsync()).AsArray();

        var dispatches = one["dispatches"]!.AsArray();
        Assert.Equal(2, dispatches.Count);
        Assert.Equal("success", dispatches[0]!["status"]!.GetValue<string>());
        Assert.Null(dispatches[0]!["error"]);
        Assert.Equal("failed", dispatches[1]!["status"]!.GetValue<string>());
        Assert.Equal("smtp down", dispatches[1]!["error"]!["message"]!.GetValue<string>());
        Assert.Equal(message.Id.ToString(), dispatches[1]!["message_id"]!.GetValue<string>());
        Assert.NotNull(dispatches[1]!["created_at"]);
        Assert.False(list[0]!.AsObject().ContainsKey("dispatches"));
    }
}

public sealed class SqliteCourierAdminApiTests(CourierSqliteApp app) : CourierAdminApiTests<CourierSqliteApp>(app);

public sealed class PostgresCourierAdminApiTests(CourierPostgresApp app) : CourierAdminApiTests<CourierPostgresApp>(app);
