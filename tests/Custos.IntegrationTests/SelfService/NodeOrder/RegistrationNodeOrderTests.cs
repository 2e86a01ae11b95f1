using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.NodeOrder;

/// <summary>Strategies contract §0.2 for registration: <c>csrf_token</c>, the first trait, the password, the other traits.</summary>
public sealed class RegistrationNodeOrderTests(UnifiedRegistrationApp app) : IClassFixture<UnifiedRegistrationApp>
{
    private static readonly string[] RegistrationOrder =
        ["default/csrf_token", "default/traits.email", "password/password", "default/traits.name.first", "default/traits.name.last", "default/traits.age", "password/method"];

    [SkippableFact]
    public async Task Registration_Created_PasswordRightAfterTheFirstTrait()
    {
        var flow = await new FlowClient(app, ClientKind.Browser).InitAsync("registration");

        Assert.Equal(RegistrationOrder, CreatedFlowNodeOrderTests.Names(flow));
    }

    [SkippableFact]
    public async Task Registration_InvalidTraits_FlowErrorInKratosOrder()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("registration");

        var refused = await client.SubmitAsync(flow, new() { ["method"] = "password", ["traits.email"] = "not-an-email", ["password"] = "correct horse battery staple" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(RegistrationOrder, CreatedFlowNodeOrderTests.Names((await refused.JsonAsync()).AsObject()));
    }
}
