using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Flows.Http;
using Microsoft.AspNetCore.Http;

namespace Custos.UnitTests.SelfService.Flows.Http;

public sealed class FlowQueryTests
{
    private static HttpRequest Request(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("?return_to=", null)]
    [InlineData("?return_to", null)]
    [InlineData("?return_to=&return_to=https://a.example/", null)] // Go's url.Values.Get takes the first value
    [InlineData("?return_to=https://a.example/", "https://a.example/")]
    public void Text_EmptyIsAbsent(string query, string? expected)
    {
        var value = FlowQuery.Text(Request(query), "return_to");

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("tRUE", false)] // not in strconv.ParseBool's list
    [InlineData("yes", false)]
    [InlineData("maybe", false)] // Kratos ignores the parse error
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public void Flag_ReadsLikeGoParseBool(string value, bool expected)
    {
        var flag = FlowQuery.Flag(Request("?refresh=" + value), "refresh");

        Assert.Equal(expected, flag);
    }

    [Theory]
    [InlineData("", "aal1")]
    [InlineData("?aal=", "aal1")]
    [InlineData("?aal=aal1", "aal1")]
    [InlineData("?aal=AAL2", "aal2")]
    public void Aal_EmptyIsAal1_CaseInsensitive(string query, string expected)
    {
        var aal = FlowQuery.Aal(Request(query));

        Assert.Equal(expected, aal);
    }

    [Theory]
    [InlineData("?aal=aal9")]
    [InlineData("?aal=aal3")]
    [InlineData("?aal=%20")]
    public void Aal_Unknown_Is400(string query)
    {
        var error = Assert.Throws<CustosException>(() => FlowQuery.Aal(Request(query)));

        Assert.Equal(400, error.Code);
        Assert.StartsWith("Unable to parse AuthenticationMethod Assurance Level (AAL): expected one of [aal1, aal2] but got ", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("?identity_schema=", null)]
    [InlineData("?identity_schema=default", "default")]
    [InlineData("?identity_schema=customer", "customer")]
    public void IdentitySchema_DefaultOrSelectable(string query, string? expected)
    {
        var schema = FlowQuery.IdentitySchema(Request(query), Identity());

        Assert.Equal(expected, schema);
    }

    [Theory]
    [InlineData("?identity_schema=employee", "Requested identity schema \"employee\" is not enabled for self-service flows.")]
    [InlineData("?identity_schema=nope", "Requested identity schema \"nope\" does not exist.")]
    public void IdentitySchema_NotSelectable_Is400(string query, string reason)
    {
        var error = Assert.Throws<CustosException>(() => FlowQuery.IdentitySchema(Request(query), Identity()));

        Assert.Equal(400, error.Code);
        Assert.Equal(reason, error.Reason);
    }

    private static IdentityOptions Identity() => new()
    {
        DefaultSchemaId = "default",
        Schemas =
        [
            new IdentitySchemaOptions { Id = "default", Url = "file:///default.json" },
            new IdentitySchemaOptions { Id = "customer", Url = "file:///customer.json", SelfserviceSelectable = true },
            new IdentitySchemaOptions { Id = "employee", Url = "file:///employee.json" },
        ],
    };
}
