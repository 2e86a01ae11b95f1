using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>
/// <c>ui</c>: the built-in self-service UI under <c>/ui/</c> on the public listener (a Custos extension; Kratos ships no
/// UI and has no such key).
/// </summary>
internal sealed class UiOptions
{
    /// <summary><c>ui.enabled</c>: serve the pages under <c>/ui/</c>. Default true.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary><c>ui.product_name</c>: the name shown in the header and page titles. Default <c>Custos</c>.</summary>
    [ConfigurationKeyName("product_name")]
    public string ProductName { get; set; } = "Custos";

    /// <summary>
    /// <c>ui.logo_url</c>: an image shown before the product name; an absolute http(s) URL or a path on the public
    /// listener. Its origin is added to the pages' <c>img-src</c>.
    /// </summary>
    [ConfigurationKeyName("logo_url")]
    [ConfigUrl]
    public string? LogoUrl { get; set; }

    /// <summary><c>ui.accent_color</c>: the theme's accent colour as <c>#rgb</c> or <c>#rrggbb</c> (the <c>--accent</c> CSS variable).</summary>
    [ConfigurationKeyName("accent_color")]
    [RegularExpression("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$", ErrorMessage = "must be a colour as #rgb or #rrggbb")]
    public string? AccentColor { get; set; }
}
