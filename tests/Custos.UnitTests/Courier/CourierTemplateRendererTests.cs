using System.Text.Json.Nodes;
using Custos.Courier.Templates;

namespace Custos.UnitTests.Courier;

/// <summary>The built-in templates: every Kratos template type renders a subject, a plain-text and an HTML body.</summary>
public sealed class CourierTemplateRendererTests
{
    public static TheoryData<string, string> Expectations() => new()
    {
        { CourierTemplateTypes.RecoveryValid, "https://auth.example.com/self-service/recovery?token=abc&flow=f2" },
        { CourierTemplateTypes.RecoveryInvalid, "No account is registered" },
        { CourierTemplateTypes.RecoveryCodeValid, "271828" },
        { CourierTemplateTypes.RecoveryCodeInvalid, "No account is registered" },
        { CourierTemplateTypes.VerificationValid, "https://auth.example.com/self-service/verification?code=314159&flow=f1" },
        { CourierTemplateTypes.VerificationInvalid, "not registered with any account" },
        { CourierTemplateTypes.VerificationCodeValid, "314159" },
        { CourierTemplateTypes.VerificationCodeInvalid, "not registered with any account" },
        { CourierTemplateTypes.LoginCodeValid, "161803" },
        { CourierTemplateTypes.RegistrationCodeValid, "141421" },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public async Task EveryType_RendersSubjectTextAndHtml(string templateType, string expected)
    {
        var renderer = TemplateTestHelpers.Renderer();

        var email = await renderer.RenderEmailAsync(templateType, TemplateTestHelpers.Data(), CancellationToken.None);

        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.DoesNotContain('\n', email.Subject);
        Assert.Contains(expected, email.Body, StringComparison.Ordinal);
        Assert.NotNull(email.HtmlBody);
        Assert.StartsWith("<!DOCTYPE html>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(expected.Replace("&", "&amp;", StringComparison.Ordinal), email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(CourierTemplateTypes.LoginCodeValid, "Use code 161803 to log in")]
    [InlineData(CourierTemplateTypes.RecoveryCodeValid, "Use code 271828 to recover access to your account")]
    [InlineData(CourierTemplateTypes.VerificationCodeValid, "Use code 314159 to verify your account")]
    [InlineData(CourierTemplateTypes.RegistrationCodeValid, "Use code 141421 to complete your account registration")]
    public async Task CodeSubjects_AreKratossSubjects(string templateType, string subject)
    {
        var email = await TemplateTestHelpers.Renderer().RenderEmailAsync(templateType, TemplateTestHelpers.Data(), CancellationToken.None);

        Assert.Equal(subject, email.Subject);
    }

    [Fact]
    public async Task ExpiresInMinutes_IsRendered_AndLeftOutWhenAbsent()
    {
        var renderer = TemplateTestHelpers.Renderer();
        var without = TemplateTestHelpers.Data();
        without.Remove("ExpiresInMinutes");

        var with = await renderer.RenderEmailAsync(CourierTemplateTypes.LoginCodeValid, TemplateTestHelpers.Data(), CancellationToken.None);
        var none = await renderer.RenderEmailAsync(CourierTemplateTypes.LoginCodeValid, without, CancellationToken.None);

        Assert.Contains("expires in 15 minutes", with.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("expires in", none.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CourierTemplateTypes.VerificationCodeValid, "Your verification code is: 314159", "@auth.example.com #314159")]
    [InlineData(CourierTemplateTypes.RecoveryCodeValid, "Your recovery code is: 271828", "@auth.example.com #271828")]
    [InlineData(CourierTemplateTypes.LoginCodeValid, "Your login code is: 161803", "@auth.example.com #161803")]
    [InlineData(CourierTemplateTypes.RegistrationCodeValid, "Your registration code is: 141421", "@auth.example.com #141421")]
    public async Task SmsTypes_RenderTheCodeAndTheWebOtpLine(string templateType, string first, string webOtp)
    {
        var sms = await TemplateTestHelpers.Renderer().RenderSmsAsync(templateType, TemplateTestHelpers.Data(), CancellationToken.None);

        Assert.StartsWith(first, sms, StringComparison.Ordinal);
        Assert.EndsWith(webOtp, sms, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sms_ForAnEmailOnlyType_IsRefused()
    {
        var renderer = TemplateTestHelpers.Renderer();

        await Assert.ThrowsAsync<CourierTemplateException>(() =>
            renderer.RenderSmsAsync(CourierTemplateTypes.RecoveryInvalid, TemplateTestHelpers.Data(), CancellationToken.None));
    }

    [Fact]
    public async Task UnknownType_IsRefused()
    {
        var renderer = TemplateTestHelpers.Renderer();

        await Assert.ThrowsAsync<ArgumentException>(() => renderer.RenderEmailAsync("stub", new JsonObject(), CancellationToken.None));
    }
}
