using System.Text.Json.Nodes;
using Custos.Courier;
using Custos.Courier.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Courier;

/// <summary><see cref="ICourier"/> as the flows use it: render the template and queue the message.</summary>
public sealed class TemplatedCourierTests(CourierSqliteApp app) : IClassFixture<CourierSqliteApp>
{
    private async Task<CourierMessage> QueueAsync(Func<ICourier, Task<Guid>> queue)
    {
        app.Admin();
        await using var scope = app.Services.CreateAsyncScope();
        var id = await queue(scope.ServiceProvider.GetRequiredService<ICourier>());
        return (await scope.ServiceProvider.GetRequiredService<ICourierMessageStore>().GetAsync(id, CancellationToken.None))!;
    }

    [Fact]
    public async Task QueueEmail_RendersTheTemplate_AndStoresItQueued_WithKratosTemplateData()
    {
        var recipient = $"{Guid.NewGuid():N}@example.com";
        var data = new JsonObject
        {
            ["VerificationCode"] = "918273",
            ["VerificationURL"] = "https://auth.example.com/self-service/verification?code=918273&flow=abc",
            ["Identity"] = new JsonObject { ["traits"] = new JsonObject { ["email"] = recipient } },
            ["ExpiresInMinutes"] = 60,
        };

        var message = await QueueAsync(c => c.QueueEmailAsync(recipient, CourierTemplateTypes.VerificationCodeValid, data, CancellationToken.None));

        Assert.Equal(CourierMessageStatus.Queued, message.Status);
        Assert.Equal(CourierMessageType.Email, message.Type);
        Assert.Equal("email", message.Channel);
        Assert.Equal(recipient, message.Recipient);
        Assert.Equal("Use code 918273 to verify your account", message.Subject);
        Assert.Contains("918273", message.Body, StringComparison.Ordinal);
        Assert.Contains("code=918273&amp;flow=abc", message.HtmlBody, StringComparison.Ordinal);
        var stored = JsonNode.Parse(message.TemplateData!)!.AsObject();
        Assert.Equal(recipient, stored["to"]!.GetValue<string>());
        Assert.Equal("918273", stored["verification_code"]!.GetValue<string>());
        Assert.Equal("https://auth.example.com/self-service/verification?code=918273&flow=abc", stored["verification_url"]!.GetValue<string>());
        Assert.Equal(recipient, stored["identity"]!["traits"]!["email"]!.GetValue<string>());
        Assert.Equal(60, stored["expires_in_minutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task QueueSms_RendersTheSmsTemplate_OnTheSmsChannel()
    {
        var data = new JsonObject { ["LoginCode"] = "554433" };

        var message = await QueueAsync(c => c.QueueSmsAsync("+15550100", CourierTemplateTypes.LoginCodeValid, data, CancellationToken.None));

        Assert.Equal(CourierMessageType.Sms, message.Type);
        Assert.Equal("sms", message.Channel);
        Assert.StartsWith("Your login code is: 554433", message.Body, StringComparison.Ordinal);
        Assert.Null(message.HtmlBody);
    }

    [Fact]
    public async Task QueueEmail_ToAnInvalidAddress_IsRefused()
    {
        app.Admin();
        await using var scope = app.Services.CreateAsyncScope();
        var courier = scope.ServiceProvider.GetRequiredService<ICourier>();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            courier.QueueEmailAsync("not an address\r\nBcc: x@example.com", CourierTemplateTypes.LoginCodeValid, new JsonObject(), CancellationToken.None));
    }
}
