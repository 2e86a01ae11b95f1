using System.Runtime.Serialization;

namespace Custos.Config;

/// <summary>Values of <c>cookies.same_site</c> and <c>session.cookie.same_site</c>.</summary>
internal enum CookieSameSite
{
    /// <summary><c>Strict</c>.</summary>
    [EnumMember(Value = "Strict")]
    Strict,

    /// <summary><c>Lax</c>.</summary>
    [EnumMember(Value = "Lax")]
    Lax,

    /// <summary><c>None</c>.</summary>
    [EnumMember(Value = "None")]
    None,
}
