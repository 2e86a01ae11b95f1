using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Custos.IntegrationTests.Infrastructure;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Ui;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Ui;

/// <summary>
/// The forms the callback leaves behind, as the pages draw them: the account-linking sign-in (§5.8) and the sign-up that
/// asks for missing traits (§5.7). The flows are rewritten in the store with the strategy's node builders.
/// </summary>
public sealed partial class UiOidcPagesTests
{
    [SkippableFact]
    public async Task AccountLinkingLogin_ExplainsWhy_CarriesTheIdentifierHidden_AndSignsInWithTheRemainingMethods()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var browser = new UiBrowser(app);
        var (_, first) = await browser.OpenAsync("/ui/login");
        var flowId = FlowIdIn(first, "login");
        await RewriteAsync<LoginFlow>(flowId, flow => OidcLinkingForm.Apply(flow.Ui, "local", "Local IdP", email,
            "http://localhost:4433/ui/login", [], [], loginHints: false));

        var (_, html) = await browser.OpenAsync($"/ui/login?flow={flowId}");
        var (_, signedIn) = await browser.SubmitAsync(html, "/self-service/login", new() { ["password"] = Password, ["method"] = "password" });

        Assert.Contains("data-message-id=\"1010016\"", html, StringComparison.Ordinal);
        Assert.Contains($"You tried to sign in with &quot;{email}&quot;, but that email is already used by another account.", html, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"identifier\" value=\"{email}\">", html, StringComparison.Ordinal);
        Assert.Contains(">Confirm with GitHub</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"local\"", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"password\" id=\"field-password\" name=\"password\"", html, StringComparison.Ordinal);
        Assert.Contains($"Signed in as <strong>{email}</strong>", signedIn, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RegistrationCompletion_ShowsTheTraitsWithTheirMessages_AndContinue()
    {
        var browser = new UiBrowser(app);
        var (_, first) = await browser.OpenAsync("/ui/registration");
        var flowId = FlowIdIn(first, "registration");
        var schema = JsonDocument.Parse(TestSchemas.EmailPassword).RootElement;
        await RewriteAsync<RegistrationFlow>(flowId, flow =>
        {
            var csrf = flow.Ui.Find("csrf_token")!;
            flow.Ui.Nodes.Clear();
            flow.Ui.Nodes.Add(csrf);
            OidcNodes.Add(flow.Ui, OidcNodes.ContinueButton("local"));
            flow.Ui.Nodes.AddRange(TraitNodes.FromSchema(schema, UiNodeGroup.Default, new JsonObject { ["name"] = new JsonObject { ["first"] = "Ada" } }));
            flow.Ui.AddMessage("traits.email", Messages.ErrorValidationRequired("email"));
        });

        var (_, html) = await browser.OpenAsync($"/ui/registration?flow={flowId}");

        Assert.Contains("name=\"traits.email\"", html, StringComparison.Ordinal);
        Assert.Contains("data-message-id=\"4000002\">Property email is missing.</li>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"traits.name.first\" value=\"Ada\"", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"provider\" value=\"local\" class=\"button primary social\" data-provider=\"local\" formnovalidate=\"\">Continue</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"divider\"", html, StringComparison.Ordinal);
    }

    private async Task RewriteAsync<TFlow>(Guid flowId, Action<TFlow> rewrite)
        where TFlow : Flow
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IFlowStore>();
        var flow = (await store.GetAsync<TFlow>(flowId, CancellationToken.None))!;
        rewrite(flow);
        await store.UpdateAsync(flow, CancellationToken.None);
    }

    private static Guid FlowIdIn(string html, string flow) =>
        Guid.Parse(Regex.Match(html, $"/self-service/{flow}\\?flow=([0-9a-f-]{{36}})").Groups[1].Value);
}
