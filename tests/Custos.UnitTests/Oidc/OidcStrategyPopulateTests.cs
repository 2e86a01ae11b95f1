using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Identity;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Ui;
using Custos.Sessions.Assurance;
using Custos.UnitTests.SelfService;

namespace Custos.UnitTests.Oidc;

/// <summary>Which provider buttons each form gets (Kratos's oidc form hydrators, strategies contract §5.3, §5.11).</summary>
public sealed class OidcStrategyPopulateTests
{
    private static readonly TestOptions Options = new(o =>
    {
        o.Selfservice.Methods.Oidc.Enabled = true;
        o.Selfservice.Methods.Oidc.Config.Providers =
        [
            new() { Id = "zeta", Provider = "generic", IssuerUrl = "http://127.0.0.1:5599" },
            new() { Id = "github", Provider = "github", Label = "GitHub" },
            new() { Id = "org", Provider = "generic", OrganizationId = "6a6b2a43-2c5c-4a0b-9a59-3f5b9f1d7e10" },
        ];
    });

    // Filling forms reads only the configuration and the identity: the submission's collaborators are not needed here.
    private static readonly OidcStrategy Strategy = new(Options, new AvailableAalCalculator([], Options), null!, null!, null!, null!, null!, null!, null!, TimeProvider.System);

    private static LoginFlow NewLogin() => new()
    {
        Id = Guid.NewGuid(),
        Type = "browser",
        RequestUrl = "https://auth.example.com/self-service/login/browser",
        Ui = new UiContainer { Action = "https://auth.example.com/self-service/login?flow=x" },
    };

    private static Custos.Identity.Identity Person(bool password, params string[] providers)
    {
        var identity = new Custos.Identity.Identity { Id = Guid.NewGuid(), SchemaId = "default", State = "active", Traits = new JsonObject { ["email"] = "a@example.com" } };
        if (providers.Length > 0)
        {
            identity.Credentials[CredentialTypes.Oidc] = new Credentials
            {
                Type = CredentialTypes.Oidc,
                Identifiers = providers.Select(p => $"{p}:sub-{p}").ToList(),
                Config = new JsonObject { ["providers"] = new JsonArray(providers.Select(p => (JsonNode?)new JsonObject { ["subject"] = $"sub-{p}", ["provider"] = p }).ToArray()) },
            };
        }

        if (password)
        {
            identity.Credentials[CredentialTypes.Password] = new Credentials
            {
                Type = CredentialTypes.Password,
                Identifiers = ["a@example.com"],
                Config = new JsonObject { ["hashed_password"] = "$2a$04$abcdefghijklmnopqrstuuFG3yQ3HdGYYfWvS7qQ2g8f1xVq9yx7e" },
            };
        }

        return identity;
    }

    private static List<string> Buttons(UiContainer ui) => ui.Nodes.Select(n => $"{n.Key}={n.Value}:{n.Label?.Id}").ToList();

    [Fact]
    public async Task FirstFactor_OneSignInButtonPerProvider_InConfigOrder_WithoutOrganisations()
    {
        var flow = NewLogin();

        var any = await Strategy.PopulateAsync(flow, LoginForm.FirstFactor, CancellationToken.None);

        Assert.True(any);
        Assert.Equal(["provider=zeta:1010002", "provider=github:1010002"], Buttons(flow.Ui));
    }

    [Fact]
    public async Task SecondFactor_HasNoButtons()
    {
        var flow = NewLogin();

        var any = await Strategy.PopulateAsync(flow, new LoginForm(LoginFormMode.SecondFactor, Person(true, "github")), CancellationToken.None);

        Assert.False(any);
        Assert.Empty(flow.Ui.Nodes);
    }

    [Fact]
    public async Task Refresh_OffersOnlyTheProvidersThePersonIsLinkedTo()
    {
        var linked = NewLogin();
        var unlinked = NewLogin();

        Assert.True(await Strategy.PopulateAsync(linked, new LoginForm(LoginFormMode.Refresh, Person(true, "github", "gone")), CancellationToken.None));
        Assert.False(await Strategy.PopulateAsync(unlinked, new LoginForm(LoginFormMode.Refresh, Person(true)), CancellationToken.None));

        Assert.Equal(["provider=github:1010002"], Buttons(linked.Ui));
        Assert.Empty(unlinked.Ui.Nodes);
    }

    [Fact]
    public async Task IdentifierFirst_Step2_NarrowsToTheKnownPersonsProviders_OrKeepsStep1sList()
    {
        async Task<(bool, List<string>)> Step2(LoginForm form)
        {
            var flow = NewLogin();
            await Strategy.PopulateAsync(flow, new LoginForm(LoginFormMode.Identification), CancellationToken.None);
            var any = await Strategy.PopulateAsync(flow, form, CancellationToken.None);
            return (any, Buttons(flow.Ui));
        }

        var linked = await Step2(new LoginForm(LoginFormMode.Credentials, Person(true, "github"), "a@example.com"));
        var notLinked = await Step2(new LoginForm(LoginFormMode.Credentials, Person(true), "a@example.com"));
        var unknown = await Step2(new LoginForm(LoginFormMode.Credentials, null, "b@example.com"));
        var mitigated = await Step2(new LoginForm(LoginFormMode.Credentials, null, "a@example.com", Mitigate: true));

        Assert.Equal([true, false, false, false], new[] { linked.Item1, notLinked.Item1, unknown.Item1, mitigated.Item1 });
        Assert.Equal(["provider=github:1010002"], linked.Item2);
        Assert.Empty(notLinked.Item2);
        Assert.Equal(["provider=zeta:1010002", "provider=github:1010002"], unknown.Item2);
        Assert.Equal(["provider=zeta:1010002", "provider=github:1010002"], mitigated.Item2);
    }

    [Theory]
    [InlineData(nameof(RegistrationScreen.Unified))]
    [InlineData(nameof(RegistrationScreen.Profile))]
    [InlineData(nameof(RegistrationScreen.Credentials))]
    public async Task Registration_EveryScreenOffersSignUpWithEachProvider(string screen)
    {
        var flow = new RegistrationFlow
        {
            Id = Guid.NewGuid(),
            Type = "browser",
            RequestUrl = "https://auth.example.com/self-service/registration/browser",
            Ui = new UiContainer { Action = "https://auth.example.com/self-service/registration?flow=x" },
        };

        await Strategy.PopulateAsync(flow, Enum.Parse<RegistrationScreen>(screen), CancellationToken.None);

        Assert.Equal(["provider=zeta:1040002", "provider=github:1040002"], Buttons(flow.Ui));
    }

    [Theory]
    [InlineData(true, new[] { "zeta" }, new[] { "link=github:1050002", "unlink=zeta:1050003" })]
    [InlineData(false, new[] { "zeta" }, new[] { "link=github:1050002" })]
    [InlineData(false, new[] { "github", "zeta" }, new[] { "unlink=github:1050003", "unlink=zeta:1050003" })]
    [InlineData(true, new string[0], new[] { "link=zeta:1050002", "link=github:1050002" })]
    public async Task Settings_LinkWhatIsNotLinked_UnlinkOnlyBesideAnotherFirstFactor(bool password, string[] linked, string[] expected)
    {
        var flow = new SettingsFlow
        {
            Id = Guid.NewGuid(),
            Type = "browser",
            RequestUrl = "https://auth.example.com/self-service/settings/browser",
            IdentityId = Guid.NewGuid(),
            Ui = new UiContainer { Action = "https://auth.example.com/self-service/settings?flow=x" },
        };

        await Strategy.PopulateAsync(flow, Person(password, linked), CancellationToken.None);

        Assert.Equal(expected, Buttons(flow.Ui));
    }
}
