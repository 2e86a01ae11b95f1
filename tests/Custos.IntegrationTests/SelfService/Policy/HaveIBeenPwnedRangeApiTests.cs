using System.Diagnostics;
using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Strategies.Password.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Custos.IntegrationTests.SelfService.Policy;

/// <summary>The password policy against a real HTTP server on loopback that speaks the HIBP range protocol.</summary>
public sealed class HaveIBeenPwnedRangeApiTests : IDisposable
{
    private readonly FakeRangeApi _api = new();

    [Fact]
    public async Task BreachedPassword_IsRejected()
    {
        _api.AddBreach("Tr0ub4dor&3x", 42);

        var message = await Policy(_api.Host).ValidateAsync("alice@example.com", "Tr0ub4dor&3x", CancellationToken.None);

        Assert.Equal(4000034, message!.Id);
        Assert.Equal("The password has been found in data breaches and must no longer be used.", message.Text);
        Assert.Equal(42L, message.Context!["breaches"]);
    }

    [Fact]
    public async Task CleanPassword_IsAccepted()
    {
        _api.AddBreach("some other password", 7);

        var message = await Policy(_api.Host).ValidateAsync("alice@example.com", "a clean passphrase 4711", CancellationToken.None);

        Assert.Null(message);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task PaddingEntryForThePassword_CountsAsZero()
    {
        _api.AddBreach("padded passphrase", 0);

        var message = await Policy(_api.Host).ValidateAsync("alice@example.com", "padded passphrase", CancellationToken.None);

        Assert.Null(message);
    }

    [Theory]
    [InlineData(5, 5, false)]
    [InlineData(6, 5, true)]
    [InlineData(1, 0, true)]
    public async Task MaxBreaches_IsTheAllowance(long count, int maxBreaches, bool rejected)
    {
        _api.AddBreach("counted passphrase", count);

        var message = await Policy(_api.Host, c => c.MaxBreaches = maxBreaches).ValidateAsync("alice@example.com", "counted passphrase", CancellationToken.None);

        Assert.Equal(rejected, message is not null);
    }

    [Fact]
    public async Task OnlyTheFiveCharacterPrefix_LeavesTheServer()
    {
        const string password = "k-anonymity check 123";
        var hash = FakeRangeApi.Sha1(password);

        await Policy(_api.Host).ValidateAsync("alice@example.com", password, CancellationToken.None);

        var request = Assert.Single(_api.Requests);
        Assert.Equal(("GET", "/range/" + hash[..5]), (request.Method, request.RawUrl));
        Assert.True(request.BodyLength <= 0);
        Assert.DoesNotContain(hash[5..], request.Headers, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(password, request.Headers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_AreCached()
    {
        _api.AddBreach("cached passphrase", 3);
        var policy = Policy(_api.Host);

        var first = await policy.ValidateAsync("alice@example.com", "cached passphrase", CancellationToken.None);
        var second = await policy.ValidateAsync("bob@example.com", "cached passphrase", CancellationToken.None);

        Assert.Equal(4000034, first!.Id);
        Assert.Equal(4000034, second!.Id);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task ServerDown_IgnoreNetworkErrors_Accepts()
    {
        var host = $"http://127.0.0.1:{FakeRangeApi.FreePort()}";

        var message = await Policy(host).ValidateAsync("alice@example.com", "unverifiable passphrase", CancellationToken.None);

        Assert.Null(message);
    }

    [Fact]
    public async Task ServerDown_NotIgnoringNetworkErrors_Is502()
    {
        var host = $"http://127.0.0.1:{FakeRangeApi.FreePort()}";
        var policy = Policy(host, c => c.IgnoreNetworkErrors = false);

        var error = await Assert.ThrowsAsync<CustosException>(() => policy.ValidateAsync("alice@example.com", "unverifiable passphrase", CancellationToken.None));

        Assert.Equal(502, error.Code);
        Assert.Equal("Leaked password server unavailable", error.Message);
        Assert.Equal("Unable to check if password has been leaked because an unexpected network error occurred", error.Reason);
    }

    [Fact]
    public async Task ServerError_NotIgnoringNetworkErrors_Is502()
    {
        _api.Status = System.Net.HttpStatusCode.InternalServerError;
        var policy = Policy(_api.Host, c => c.IgnoreNetworkErrors = false);

        var error = await Assert.ThrowsAsync<CustosException>(() => policy.ValidateAsync("alice@example.com", "unverifiable passphrase", CancellationToken.None));

        Assert.Equal(502, error.Code);
        Assert.Equal("Unexpected status code from haveibeenpwned.com", error.Reason);
    }

    [Fact]
    public async Task SlowServer_TimesOutAfterOneSecond()
    {
        _api.Delay = TimeSpan.FromSeconds(5);
        var watch = Stopwatch.StartNew();

        var message = await Policy(_api.Host, budget: HaveIBeenPwnedBudget.Default).ValidateAsync("alice@example.com", "slow passphrase", CancellationToken.None);

        Assert.Null(message);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(4));
    }

    public void Dispose() => _api.Dispose();

    // Built through AddPasswordPolicy, so the named HttpClient and its handler settings are the production ones. The
    // budget is Kratos's one second only where the timeout is under test: on a loaded two-core machine a first request
    // to the loopback server can take longer, and an answer that comes late would read as "the server is down".
    private static PasswordPolicy Policy(string host, Action<PasswordConfigOptions>? configure = null, HaveIBeenPwnedBudget? budget = null)
    {
        var options = new CustosOptions();
        var config = options.Selfservice.Methods.Password.Config;
        config.HaveibeenpwnedHost = host;
        configure?.Invoke(config);
        var services = new ServiceCollection();
        services.AddSingleton<IOptionsMonitor<CustosOptions>>(new FixedOptions(options));
        services.AddSingleton(budget ?? new HaveIBeenPwnedBudget(TimeSpan.FromSeconds(30)));
        services.AddPasswordPolicy();
        return services.BuildServiceProvider().GetRequiredService<PasswordPolicy>();
    }

    private sealed class FixedOptions(CustosOptions value) : IOptionsMonitor<CustosOptions>
    {
        public CustosOptions CurrentValue => value;

        public CustosOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<CustosOptions, string?> listener) => null;
    }
}
