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
        await app.WithStoreAsync(s => s.MarkSentAsync(sent.Id, CancellationToken.None));

        var list = (await (await app.Admin().GetAsync($"/admin/courier/messages?status=sent&recipient={Uri.EscapeDataString(recipient)}")).JsonAsync()).AsArray();
        var invalid = await app.Admin().GetAsync("/admin/courier/messages?status=delivered");
        var badToken = await app.Admin().GetAsync("/admin/courier/messages?page_token=garbage");

        Assert.Equal([sent.Id.ToString()], list.Select(m => m!["id"]!.GetValue<string>()));
        Assert.Equal(CourierMessageStatus.Sent, list[0]!["status"]!.GetValue<string>());
        Assert.Equal(1, list[0]!["send_count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);
    }
}

public sealed class SqliteCourierAdminApiTests(CourierSqliteApp app) : CourierAdminApiTests<CourierSqliteApp>(app);

public sealed class PostgresCourierAdminApiTests(CourierPostgresApp app) : CourierAdminApiTests<CourierPostgresApp>(app);
