using System.Text.Json.Nodes;
using Custos.Courier;
using Custos.Courier.Templates;
using Custos.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Courier;

/// <summary>Starts the app with the courier worker on the given <c>courier:</c> YAML and queues real templated mails.</summary>
internal static class CourierSmtpApp
{
    public static CustosAppFactory Create(string courierYaml) => new()
    {
        WatchCourier = true,
        ExtraYaml = "courier:\n" + string.Join('\n', courierYaml.Split('\n').Select(l => "  " + l)) + "\n  worker:\n    pull_wait: 100ms\n",
    };

    /// <summary>Queues a <c>login_code_valid</c> mail with code 424242 through <see cref="ICourier"/>.</summary>
    public static async Task<Guid> QueueLoginCodeAsync(this CustosAppFactory app, string recipient)
    {
        app.Admin();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICourier>().QueueEmailAsync(
            recipient, CourierTemplateTypes.LoginCodeValid, new JsonObject { ["LoginCode"] = "424242", ["ExpiresInMinutes"] = 15 }, CancellationToken.None);
    }

    /// <summary>Polls the store until <paramref name="done"/> holds for the message (at most ~15 s); returns the last read.</summary>
    public static async Task<CourierMessage> WaitForAsync(this CustosAppFactory app, Guid id, Func<CourierMessage, bool> done)
    {
        CourierMessage? read = null;
        for (var i = 0; i < 150; i++)
        {
            await app.WithStoreAsync(async s => read = await s.GetAsync(id, CancellationToken.None));
            if (read is not null && done(read))
            {
                break;
            }

            await Task.Delay(100);
        }

        return read!;
    }
}
