using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Strategies.LookupSecret;

namespace Custos.UnitTests.SelfService.Strategies.LookupSecret;

public sealed class LookupSecretSettingsPayloadTests
{
    private static LookupSecretSettingsAction? Read(string json) => LookupSecretSettingsPayload.Read(JsonNode.Parse(json)!.AsObject());

    [Theory]
    [InlineData("""{"lookup_secret_reveal":true}""", "Reveal")]
    [InlineData("""{"lookup_secret_regenerate":"true","method":"password"}""", "Regenerate")]
    [InlineData("""{"lookup_secret_disable":"1"}""", "Disable")]
    [InlineData("""{"lookup_secret_confirm":true,"lookup_secret_reveal":true,"lookup_secret_disable":true,"lookup_secret_regenerate":true}""", "Confirm")]
    [InlineData("""{"lookup_secret_reveal":true,"lookup_secret_disable":true,"lookup_secret_regenerate":true}""", "Reveal")]
    [InlineData("""{"lookup_secret_disable":true,"lookup_secret_regenerate":true}""", "Disable")]
    public void APressedButton_OwnsTheSubmission_WithKratossPrecedence(string body, string expected)
    {
        Assert.Equal(Enum.Parse<LookupSecretSettingsAction>(expected), Read(body));
    }

    [Theory]
    [InlineData("""{"method":"lookup_secret"}""")]
    [InlineData("""{"lookup_secret_reveal":false,"lookup_secret_regenerate":"false"}""")]
    [InlineData("""{"password":"x","method":"password"}""")]
    public void NoButtonSet_IsNotThisMethodsSubmission(string body)
    {
        Assert.Null(Read(body));
    }

    [Theory]
    [InlineData("""{"lookup_secret_reveal":"yes"}""")]
    [InlineData("""{"lookup_secret_confirm":1}""")]
    [InlineData("""{"lookup_secret_disable":{}}""")]
    public void ANonBooleanButton_IsA400(string body)
    {
        var e = Assert.Throws<CustosException>(() => Read(body));

        Assert.Equal(400, e.Code);
    }
}
