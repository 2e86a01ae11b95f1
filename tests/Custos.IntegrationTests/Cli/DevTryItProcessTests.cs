using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Cli;

/// <summary>
/// <c>custos serve --dev</c> with no configuration file is a complete system to try: a registration signs in and leads
/// to verification, the code can be read from the courier (the dev mailbox's source), and recovery is on.
/// </summary>
public sealed partial class DevTryItProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-dev-try-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task DevWithoutConfig_RegistrationSignsIn_VerificationAndRecoveryWork()
    {
        var (server, publicPort, adminPort) = await CustosProcess.StartDevWithoutConfigAsync(_dir);
        await using var _ = server;
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{publicPort}/") };
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}/") };
        var email = $"{Guid.NewGuid():N}@example.com";

        var registrationFlow = await (await api.GetAsync("/self-service/registration/api")).JsonAsync();
        var registered = await api.PostJsonAsync(
            $"/self-service/registration?flow={registrationFlow["id"]}",
            new JsonObject { ["method"] = "password", ["password"] = "correct horse battery staple", ["traits"] = new JsonObject { ["email"] = email } }.ToJsonString());
        var registration = await registered.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.False(string.IsNullOrEmpty(registration["session_token"]?.GetValue<string>()));
        var verificationFlowId = registration["continue_with"]!.AsArray()
            .Single(c => c!["action"]!.GetValue<string>() == "show_verification_ui")!["flow"]!["id"]!.GetValue<string>();

        var messages = await (await admin.GetAsync($"/admin/courier/messages?recipient={email}")).JsonAsync();
        var message = Assert.Single(messages.AsArray())!;
        Assert.Equal("verification_code_valid", message["template_type"]!.GetValue<string>());
        var code = SixDigits().Match(message["body"]!.GetValue<string>()).Value;
        var verified = await (await api.PostJsonAsync($"/self-service/verification?flow={verificationFlowId}", new JsonObject { ["method"] = "code", ["code"] = code }.ToJsonString())).JsonAsync();
        Assert.Equal("passed_challenge", verified["state"]!.GetValue<string>());

        var recovery = await api.GetAsync("/self-service/recovery/api");
        Assert.Equal(HttpStatusCode.OK, recovery.StatusCode);
    }

    [Fact]
    public async Task DevWithoutConfig_KeepsItsSecretInAFile_SoAMailedCodeWorksAfterARestart()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        string flowId;
        string code;
        var (first, publicPort, adminPort) = await CustosProcess.StartDevWithoutConfigAsync(_dir);
        await using (first)
        {
            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{publicPort}/") };
            using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}/") };
            await admin.CreateIdentityAsync(email);
            var flow = await (await api.GetAsync("/self-service/verification/api")).JsonAsync();
            flowId = flow["id"]!.GetValue<string>();
            await api.PostJsonAsync($"/self-service/verification?flow={flowId}", new JsonObject { ["method"] = "code", ["email"] = email }.ToJsonString());
            var messages = await (await admin.GetAsync($"/admin/courier/messages?recipient={email}")).JsonAsync();
            code = SixDigits().Match(messages.AsArray().Single(m => m!["template_type"]!.GetValue<string>() == "verification_code_valid")!["body"]!.GetValue<string>()).Value;
            Assert.Equal(0, await first.TerminateAsync());
        }

        var file = Path.Combine(_dir, "custos-dev.secret");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var (second, publicPort2, _) = await CustosProcess.StartDevWithoutConfigAsync(_dir);
        await using (second)
        {
            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{publicPort2}/") };
            var verified = await (await api.PostJsonAsync($"/self-service/verification?flow={flowId}", new JsonObject { ["method"] = "code", ["code"] = code }.ToJsonString())).JsonAsync();

            Assert.Equal("passed_challenge", verified["state"]!.GetValue<string>());
        }
    }

    [GeneratedRegex("(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex SixDigits();
}
