using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Courier.Templates;
using Custos.UnitTests.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Custos.UnitTests.Courier;

/// <summary>A renderer over hand-built courier options, with a real HTTP client factory for remote templates.</summary>
internal static class TemplateTestHelpers
{
    public static CourierTemplateRenderer Renderer(Action<CourierOptions>? configure = null)
    {
        var options = new CustosOptions();
        configure?.Invoke(options.Courier);
        var clients = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new CourierTemplateRenderer(new FixedOptionsMonitor(options), new TemplateFetcher(clients), NullLogger<CourierTemplateRenderer>.Instance);
    }

    public static JsonObject Data() => new()
    {
        ["To"] = "ada@example.com",
        ["VerificationCode"] = "314159",
        ["VerificationURL"] = "https://auth.example.com/self-service/verification?code=314159&flow=f1",
        ["RecoveryCode"] = "271828",
        ["RecoveryURL"] = "https://auth.example.com/self-service/recovery?token=abc&flow=f2",
        ["LoginCode"] = "161803",
        ["RegistrationCode"] = "141421",
        ["Identity"] = new JsonObject { ["id"] = "0b8c0c8e-3f2a-4a51-9a86-5d6b3b0e0c11", ["traits"] = new JsonObject { ["email"] = "ada@example.com", ["name"] = "Ada <Lovelace>" } },
        ["RequestURL"] = "https://auth.example.com/self-service/login/browser",
        ["RequestURLDomain"] = "auth.example.com",
        ["TransientPayload"] = new JsonObject { ["campaign"] = "spring" },
        ["ExpiresInMinutes"] = 15,
    };
}
