using System.Security.Cryptography;
using System.Text;

namespace Custos.SelfService.Flows.Csrf;

/// <summary>
/// The CSRF checks of the flow engine. A submit is checked by <see cref="CsrfCookie.EnsureValid"/> (the body's masked
/// token against the cookie; Kratos checks the body field only, not the header); a flow GET must come with the
/// cookie the flow was created with.
/// </summary>
internal sealed class CsrfGuard(CsrfCookie cookie)
{
    public string Mask(string token) => CsrfTokens.Mask(token);

    public string Rotate(HttpContext context) => cookie.Rotate(context);

    public void VerifyCookieOrThrow(HttpContext context, string flowToken)
    {
        var value = context.Request.Cookies[cookie.Name];
        if (string.IsNullOrEmpty(value) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), Encoding.UTF8.GetBytes(flowToken)))
        {
            throw CsrfErrors.ForRequest(context.Request, cookie.Name, tokenSent: true);
        }
    }
}
