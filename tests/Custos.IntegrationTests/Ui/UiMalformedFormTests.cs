using System.Net;
using System.Text;

namespace Custos.IntegrationTests.Ui;

/// <summary>The UI's own form endpoints answer a body that cannot be decoded with a 400 error page, not a 500.</summary>
public sealed class UiMalformedFormTests(BuiltinUiApp app) : IClassFixture<BuiltinUiApp>
{
    [SkippableTheory]
    [InlineData("/ui/logout")]
    [InlineData("/ui/sessions/revoke")]
    [InlineData("/ui/sessions/revoke-others")]
    public async Task TruncatedMultipart_Is400(string path)
    {
        using var body = new StringContent("--x\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc", Encoding.UTF8);
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");

        var response = await app.Public().PostAsync(path, body);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form body could not be decoded.", html, StringComparison.Ordinal);
    }
}
