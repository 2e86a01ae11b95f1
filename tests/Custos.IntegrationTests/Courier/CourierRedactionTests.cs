using System.Net;
using Custos.Courier;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Courier;

public sealed class CourierRedactionTests(CourierProductionApp app) : IClassFixture<CourierProductionApp>
{
    [SkippableFact]
    public async Task OutsideDevMode_SubjectAndBodyAreRedacted_InGetAndList()
    {
        var message = await app.EnqueueAsync($"{Guid.NewGuid():N}@example.com");

        var get = await app.Admin().GetAsync($"/admin/courier/messages/{message.Id}");
        var one = (await get.JsonAsync()).AsObject();
        var list = (await (await app.Admin().GetAsync($"/admin/courier/messages?recipient={Uri.EscapeDataString(message.Recipient)}")).JsonAsync()).AsArray();

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(CourierMessageJson.Redacted, one["subject"]!.GetValue<string>());
        Assert.Equal(CourierMessageJson.Redacted, one["body"]!.GetValue<string>());
        Assert.Equal(message.Recipient, one["recipient"]!.GetValue<string>());
        Assert.Equal(CourierMessageJson.Redacted, list.Single()!["subject"]!.GetValue<string>());
        Assert.Equal(CourierMessageJson.Redacted, list.Single()!["body"]!.GetValue<string>());
    }
}
