using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.SelfService.Hooks.WebHooks;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Strategies.Oidc.Mapper;
using Custos.SelfService.Strategies.Oidc.Providers;

namespace Custos.IntegrationTests.Oidc.Mapper;

/// <summary>
/// The Jsonnet claims mapper with real libjsonnet, Kratos's own mappers (<c>tests/fixtures/kratos-oidc-mappers</c>) and
/// remote mappers served by a loopback Kestrel server.
/// </summary>
public sealed class OidcClaimsMapperTests : IAsyncLifetime
{
    private static readonly string Fixtures = Path.Combine(TestFixtures.Root, "kratos-oidc-mappers");
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero));
    private MapperServer _server = null!;

    public async Task InitializeAsync() => _server = await MapperServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private OidcClaimsMapper Mapper(bool refusePrivateAddresses = false, TimeSpan? limit = null)
    {
        var options = new CustosOptions();
        options.Clients.Http.DisallowPrivateIpRanges = refusePrivateAddresses;
        var http = new OidcHttp(new WebHookHttpHandler(new FixedOptions(options)));
        return new OidcClaimsMapper(http, _clock) { Limit = limit ?? OidcClaimsMapper.DefaultLimit };
    }

    private static OidcProviderOptions Provider(string mapperUrl) => new() { Id = "hydra", Provider = "generic", ClientId = "c", MapperUrl = mapperUrl };

    private static string FixtureUrl(string name) => "file://" + Path.Combine(Fixtures, name);

    private static string Base64(string jsonnet) => "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(jsonnet));

    private static JsonObject Claims(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public async Task KratosQuickstartGitHubMapper_KeepsOnlyAVerifiedEmail()
    {
        var provider = Provider(FixtureUrl("oidc.github.jsonnet"));

        var verified = await Mapper().MapAsync(provider, Claims("""{"iss":"https://github.com","sub":"1","email":"jane@example.com","email_verified":true}"""), null, default);
        var unverified = await Mapper().MapAsync(provider, Claims("""{"iss":"https://github.com","sub":"1","email":"jane@example.com"}"""), null, default);

        Assert.Equal("""{"email":"jane@example.com"}""", verified.Traits.ToJsonString());
        Assert.Equal("{}", unverified.Traits.ToJsonString());
    }

    [Fact]
    public async Task KratosHydraMapper_ReadsClaimsRawClaimsAndTheExistingIdentity()
    {
        var claims = Claims("""
            {"iss":"http://127.0.0.1:4444/","sub":" Jane@Example.COM","picture":"https://img/jane.png","phone_number":"+4912345",
             "website":"https://claims.example","raw_claims":{"groups":["admin","dev"]}}
            """);
        var identity = Claims("""{"traits":{"website":"https://kept.example"},"metadata_public":null}""");

        var mapped = await Mapper().MapAsync(Provider(FixtureUrl("oidc.hydra.jsonnet")), claims, identity, default);

        // Jsonnet writes object fields sorted by name.
        Assert.Equal("""{"groups":["admin","dev"],"subject":" Jane@Example.COM","website":"https://kept.example"}""", mapped.Traits.ToJsonString());
        Assert.Equal("""{"picture":"https://img/jane.png"}""", mapped.MetadataPublic!.ToJsonString());
        Assert.Equal("+4912345", Assert.Single(mapped.MetadataAdmin!).Value!.GetValue<string>());
        Assert.Equal([new OidcVerifiedAddress("email", "jane@example.com")], mapped.VerifiedAddresses);
    }

    [Fact]
    public async Task KratosUpdateIdentityMapper_KeepsExistingMetadata()
    {
        var identity = Claims("""{"traits":{"subject":"old"},"metadata_public":{"existing_field":"kept"},"metadata_admin":{}}""");

        var mapped = await Mapper().MapAsync(Provider(FixtureUrl("oidc.update-identity.jsonnet")), Claims("""{"iss":"i","sub":"s","raw_claims":{"sub":"s"}}"""), identity, default);

        Assert.Equal("""{"subject":"s"}""", mapped.Traits.ToJsonString());
        Assert.Equal("""{"existing_field":"kept"}""", mapped.MetadataPublic!.ToJsonString());
    }

    [Fact]
    public async Task WithoutAnIdentity_TheMapperSeesThreeEmptyObjects()
    {
        var provider = Provider(Base64("{ identity: { traits: { seen: std.extVar('identity') } } }"));

        var mapped = await Mapper().MapAsync(provider, Claims("""{"iss":"i","sub":"s"}"""), null, default);

        Assert.Equal("""{"seen":{"metadata_admin":{},"metadata_public":{},"traits":{}}}""", mapped.Traits.ToJsonString());
    }

    [Fact]
    public async Task KratosInvalidMapper_IsRefusedWithKratosMessage()
    {
        var e = await Assert.ThrowsAsync<OidcMapperException>(() =>
            Mapper().MapAsync(Provider(FixtureUrl("oidc.invalid-mapper.jsonnet")), Claims("""{"iss":"i","sub":"s"}"""), null, default));

        Assert.Equal("OpenID Connect Jsonnet mapper did not return an object for key identity.traits. Please check your Jsonnet code!", e.Message);
        Assert.Equal(500, e.Status);
    }

    [Theory]
    [InlineData("error 'the mapper refuses this person'", "the mapper refuses this person")]
    [InlineData("{ identity: { traits: std.extVar('claims').no_such_claim } }", "no_such_claim")]
    [InlineData("{ identity: ", "hydra.mapper.jsonnet")]
    [InlineData("import '/etc/passwd'", "imports are disabled")]
    public async Task AMapperThatFails_ThrowsAMapperException(string jsonnet, string reasonPart)
    {
        var e = await Assert.ThrowsAsync<OidcMapperException>(() => Mapper().MapAsync(Provider(Base64(jsonnet)), Claims("""{"iss":"i","sub":"s"}"""), null, default));

        Assert.StartsWith("The OpenID Connect Jsonnet mapper failed: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reasonPart, e.Message, StringComparison.Ordinal);
        Assert.Equal(500, e.Status);
    }

    [Fact]
    public async Task AMapperThatRunsTooLong_IsCutOffAtTheLimit()
    {
        // About a second of libjsonnet work: long enough to pass the limit, short enough that the evaluation thread,
        // which cannot be interrupted, ends soon after the test.
        var provider = Provider(Base64("local f(n) = if n == 0 then { identity: { traits: {} } } else f(n - 1) tailstrict; f(30000)"));
        var watch = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<OidcMapperException>(() => Mapper(limit: TimeSpan.FromMilliseconds(150)).MapAsync(provider, Claims("""{"iss":"i","sub":"s"}"""), null, default));

        Assert.Contains("took longer than 0.15 s", e.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"cut off after {watch.Elapsed}");
        Assert.InRange(OidcClaimsMapper.DefaultLimit, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ARemoteMapper_IsFetchedOnce_AndKeptForAnHour()
    {
        _server.Files["/github.jsonnet"] = File.ReadAllText(Path.Combine(Fixtures, "oidc.github.jsonnet"));
        var provider = Provider(_server.BaseUrl + "/github.jsonnet");
        var claims = Claims("""{"iss":"i","sub":"s","email":"a@b.c","email_verified":true}""");
        var mapper = Mapper();

        var first = await mapper.MapAsync(provider, claims, null, default);
        await mapper.MapAsync(provider, claims, null, default);
        _clock.Advance(TimeSpan.FromMinutes(59));
        await mapper.MapAsync(provider, claims, null, default);
        var beforeExpiry = _server.Requests;
        _clock.Advance(TimeSpan.FromMinutes(2));
        await mapper.MapAsync(provider, claims, null, default);

        Assert.Equal("""{"email":"a@b.c"}""", first.Traits.ToJsonString());
        Assert.Equal(1, beforeExpiry);
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task ARemoteMapperThatIsMissing_OrOver1MiB_IsAMapperException()
    {
        _server.Files["/big.jsonnet"] = "{ identity: { traits: {} } }" + new string(' ', 1 << 20);

        var missing = await Assert.ThrowsAsync<OidcMapperException>(() => Mapper().MapAsync(Provider(_server.BaseUrl + "/none.jsonnet"), Claims("""{"iss":"i","sub":"s"}"""), null, default));
        var big = await Assert.ThrowsAsync<OidcMapperException>(() => Mapper().MapAsync(Provider(_server.BaseUrl + "/big.jsonnet"), Claims("""{"iss":"i","sub":"s"}"""), null, default));

        Assert.Equal("The OpenID Connect Jsonnet mapper could not be fetched: HTTP 404.", missing.Message);
        Assert.Equal("The OpenID Connect Jsonnet mapper could not be fetched: larger than 1 MiB.", big.Message);
    }

    [Fact]
    public async Task ARemoteMapperOnAPrivateAddress_IsRefused_WhenTheSsrfGuardIsOn()
    {
        _server.Files["/github.jsonnet"] = File.ReadAllText(Path.Combine(Fixtures, "oidc.github.jsonnet"));

        var e = await Assert.ThrowsAsync<OidcMapperException>(() =>
            Mapper(refusePrivateAddresses: true).MapAsync(Provider(_server.BaseUrl + "/github.jsonnet"), Claims("""{"iss":"i","sub":"s"}"""), null, default));

        Assert.StartsWith("The OpenID Connect Jsonnet mapper could not be fetched: ", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.Requests);
    }

    [Theory]
    [InlineData("file:///no/such/dir/mapper.jsonnet", "The OpenID Connect Jsonnet mapper could not be read.")]
    [InlineData("ftp://example.com/mapper.jsonnet", "The OpenID Connect Jsonnet mapper URL has an unsupported scheme (use file://, base64://, http:// or https://).")]
    [InlineData("base64://%%%", "The OpenID Connect Jsonnet mapper could not be read.")]
    public async Task AMapperThatCannotBeRead_IsAMapperException_WithoutItsPath(string url, string message)
    {
        var e = await Assert.ThrowsAsync<OidcMapperException>(() => Mapper().MapAsync(Provider(url), Claims("""{"iss":"i","sub":"s"}"""), null, default));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public async Task AFileMapper_IsReadAtEveryUse()
    {
        var path = Path.Combine(Path.GetTempPath(), $"custos-mapper-{Guid.NewGuid():N}.jsonnet");
        try
        {
            await File.WriteAllTextAsync(path, "{ identity: { traits: { v: 1 } } }");
            var provider = Provider("file://" + path);
            var mapper = Mapper();
            var before = await mapper.MapAsync(provider, Claims("""{"iss":"i","sub":"s"}"""), null, default);

            await File.WriteAllTextAsync(path, "{ identity: { traits: { v: 2 } } }");
            var after = await mapper.MapAsync(provider, Claims("""{"iss":"i","sub":"s"}"""), null, default);

            Assert.Equal("""{"v":1}""", before.Traits.ToJsonString());
            Assert.Equal("""{"v":2}""", after.Traits.ToJsonString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
