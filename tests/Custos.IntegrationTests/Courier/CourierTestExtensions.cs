using Custos.Courier;
using Custos.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Courier;

/// <summary>Enqueues messages through the app's own store, as the flows that send mail will.</summary>
internal static class CourierTestExtensions
{
    public static async Task<CourierMessage> EnqueueAsync(this CustosAppFactory app, string recipient, DateTime? createdAt = null, string? subject = null)
    {
        app.Admin();
        var now = createdAt ?? DateTime.UtcNow;
        now = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
        var message = new CourierMessage
        {
            Id = Guid.NewGuid(),
            Status = CourierMessageStatus.Queued,
            Type = CourierMessageType.Email,
            Recipient = recipient,
            Subject = subject ?? "Use code 424242 to log in",
            Body = "Log in with the code 424242",
            TemplateType = "login_code_valid",
            Channel = "email",
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ICourierMessageStore>().EnqueueAsync(message, CancellationToken.None);
        return message;
    }

    public static async Task WithStoreAsync(this CustosAppFactory app, Func<ICourierMessageStore, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<ICourierMessageStore>());
    }
}
