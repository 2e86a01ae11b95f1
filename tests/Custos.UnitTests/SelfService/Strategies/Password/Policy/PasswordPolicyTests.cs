using System.Net;
using Custos.Hosting;
using Custos.SelfService.Strategies.Password.Policy;

namespace Custos.UnitTests.SelfService.Strategies.Password.Policy;

public sealed class PasswordPolicyTests
{
    [Fact]
    public async Task Empty_IsRequired()
    {
        var message = await Policy().ValidateAsync("alice@example.com", "", CancellationToken.None);

        Assert.Equal((4000002L, "Property password is missing."), (message!.Id, message.Text));
    }

    [Fact]
    public async Task TooLong_IsAGenericPolicyViolation()
    {
        var message = await Policy().ValidateAsync("alice@example.com", new string('x', 4097), CancellationToken.None);

        Assert.Equal(4000005, message!.Id);
        Assert.Equal("The password can not be used because it is longer than 4096 characters.", message.Text);
    }

    [Fact]
    public async Task MinLength_CountsUtf8Bytes()
    {
        var policy = Policy();

        var tooShort = await policy.ValidateAsync("alice@example.com", "abcdefg", CancellationToken.None);
        var multiByte = await policy.ValidateAsync("alice@example.com", "äöüßä", CancellationToken.None); // 5 characters, 10 bytes

        Assert.Equal(4000032, tooShort!.Id);
        Assert.Equal("The password must be at least 8 characters long, but got 7.", tooShort.Text);
        Assert.Null(multiByte);
    }

    [Fact]
    public async Task MinLength_IsConfigurable()
    {
        var message = await Policy(o => o.MinPasswordLength = 12).ValidateAsync("alice", "elevenchars", CancellationToken.None);

        Assert.Equal(4000032, message!.Id);
        Assert.Equal(12, Convert.ToInt32(message.Context!["min_length"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(11, Convert.ToInt32(message.Context["actual_length"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SimilarToIdentifier_IsRejected_UnlessDisabled()
    {
        var similar = await Policy().ValidateAsync("alice@example.com", "alice@example.co", CancellationToken.None);
        var disabled = await Policy(o => o.IdentifierSimilarityCheckEnabled = false).ValidateAsync("alice@example.com", "alice@example.co", CancellationToken.None);

        Assert.Equal(4000031, similar!.Id);
        Assert.Null(disabled);
    }

    [Fact]
    public async Task MinLength_IsCheckedBeforeSimilarity()
    {
        var message = await Policy().ValidateAsync("alice", "alice", CancellationToken.None);

        Assert.Equal(4000032, message!.Id);
    }

    [Fact]
    public async Task Breached_IsRejected()
    {
        // SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8
        var handler = new StubHandler(HttpStatusCode.OK, "0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n1E4C9B93F3F0682250B6CF8331B7EE68FD8:3730471\r\n");

        var message = await Policy(o => o.HaveibeenpwnedEnabled = true, handler).ValidateAsync("alice@example.com", "password", CancellationToken.None);

        Assert.Equal(4000034, message!.Id);
        Assert.Equal(3730471L, message.Context!["breaches"]);
        Assert.Equal("https://api.pwnedpasswords.com/range/5BAA6", handler.Requested.Single().AbsoluteUri);
    }

    [Fact]
    public async Task OutageOfTheRangeApi_IsIgnoredByDefault_OrA502()
    {
        var ignored = await Policy(o => o.HaveibeenpwnedEnabled = true, new StubHandler(HttpStatusCode.ServiceUnavailable, ""))
            .ValidateAsync("alice@example.com", "a long passphrase", CancellationToken.None);
        var strict = Policy(o => { o.HaveibeenpwnedEnabled = true; o.IgnoreNetworkErrors = false; }, new StubHandler(HttpStatusCode.ServiceUnavailable, ""));

        var error = await Assert.ThrowsAsync<CustosException>(() => strict.ValidateAsync("alice@example.com", "a long passphrase", CancellationToken.None));

        Assert.Null(ignored);
        Assert.Equal(502, error.Code);
        Assert.Equal("Leaked password server unavailable", error.Message);
        Assert.Equal("Unexpected status code from haveibeenpwned.com", error.Reason);
    }

    private static PasswordPolicy Policy(Action<Custos.Config.PasswordConfigOptions>? configure = null, StubHandler? handler = null)
    {
        var options = new TestOptions(o =>
        {
            o.Selfservice.Methods.Password.Config.HaveibeenpwnedEnabled = false;
            configure?.Invoke(o.Selfservice.Methods.Password.Config);
        });
        var client = new HaveIBeenPwnedClient(new StubFactory(handler ?? new StubHandler(HttpStatusCode.OK, "")), new BreachCountCache(TimeProvider.System), HaveIBeenPwnedBudget.Default);
        return new PasswordPolicy(options, client);
    }

    private sealed class StubFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class StubHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public List<Uri> Requested { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requested.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });
        }
    }
}
