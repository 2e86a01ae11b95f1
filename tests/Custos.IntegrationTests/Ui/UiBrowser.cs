using System.Net;
using System.Text.RegularExpressions;
using Custos.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Custos.IntegrationTests.Ui;

/// <summary>
/// A browser without JavaScript against the built-in UI: a cookie jar, manual redirects, and form posts built from the
/// rendered HTML (the hidden inputs of a form, plus the fields a person fills in).
/// </summary>
public sealed partial class UiBrowser
{
    public UiBrowser(CustosAppFactory app)
    {
        Http = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"http://localhost:{CustosAppFactory.PublicPort}/"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
    }

    public HttpClient Http { get; }

    /// <summary>GETs <paramref name="url"/> and follows redirects on this host; returns the last response and its body.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> OpenAsync(string url)
    {
        var response = await Http.GetAsync(url);
        for (var hops = 0; hops < 10 && IsRedirect(response); hops++)
        {
            var location = response.Headers.Location!;
            if (location.IsAbsoluteUri && location.Host != "localhost")
            {
                break;
            }

            response = await Http.GetAsync(location);
        }

        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the form whose action contains <paramref name="actionPart"/>, with its hidden inputs and <paramref name="fields"/>, then follows redirects.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> SubmitAsync(string html, string actionPart, Dictionary<string, string> fields)
    {
        var form = Forms().Matches(html).First(m => WebUtility.HtmlDecode(m.Groups["action"].Value).Contains(actionPart, StringComparison.Ordinal));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match hidden in HiddenInputs().Matches(form.Value))
        {
            values[WebUtility.HtmlDecode(hidden.Groups["name"].Value)] = WebUtility.HtmlDecode(hidden.Groups["value"].Value);
        }

        foreach (var (k, v) in fields)
        {
            values[k] = v;
        }

        var response = await Http.PostAsync(WebUtility.HtmlDecode(form.Groups["action"].Value), new FormUrlEncodedContent(values));
        if (!IsRedirect(response))
        {
            return (response, await response.Content.ReadAsStringAsync());
        }

        return await OpenAsync(response.Headers.Location!.ToString());
    }

    /// <summary>Posts the first form inside the method block marked <c>data-group="<paramref name="group"/>"</c> (a settings section, a second factor).</summary>
    public Task<(HttpResponseMessage Response, string Html)> SubmitInGroupAsync(string html, string group, Dictionary<string, string> fields)
    {
        var start = html.IndexOf($"data-group=\"{group}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no data-group=\"{group}\" on the page");
        var form = Forms().Match(html, start);
        return SubmitAsync(form.Value, "/self-service/", fields);
    }

    /// <summary>Registers on the built-in pages (profile first, then the password) and ends on the welcome page.</summary>
    public async Task<string> RegisterAsync(string email, string password, string first = "Ada")
    {
        var (_, html) = await OpenAsync("/ui/registration");
        (_, html) = await SubmitAsync(html, "/self-service/registration", new() { ["traits.email"] = email, ["traits.name.first"] = first, ["method"] = "profile" });
        (_, html) = await SubmitAsync(html, "/self-service/registration", new() { ["password"] = password, ["method"] = "password" });
        return html;
    }

    public async Task<(HttpResponseMessage Response, string Html)> SignInAsync(string email, string password)
    {
        var (_, html) = await OpenAsync("/ui/login");
        return await SubmitAsync(html, "/self-service/login", new() { ["identifier"] = email, ["password"] = password, ["method"] = "password" });
    }

    public static string CsrfToken(string html) => WebUtility.HtmlDecode(CsrfInput().Match(html).Groups["value"].Value);

    private static bool IsRedirect(HttpResponseMessage r) => (int)r.StatusCode is >= 300 and < 400 && r.Headers.Location is not null;

    [GeneratedRegex("""<form[^>]*? action="(?<action>[^"]*)"[^>]*>.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInputs();

    [GeneratedRegex("""<input type="hidden" name="csrf_token" value="(?<value>[^"]*)">""")]
    private static partial Regex CsrfInput();
}
