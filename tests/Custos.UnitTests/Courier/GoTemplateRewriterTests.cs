using Custos.Courier.Templates;

namespace Custos.UnitTests.Courier;

/// <summary>The supported Go-template subset becomes Handlebars; Handlebars passes through; the rest is refused.</summary>
public sealed class GoTemplateRewriterTests
{
    [Theory]
    [InlineData("{{ .VerificationURL }}", "{{VerificationURL}}")]
    [InlineData("{{.Identity.traits.email}}", "{{Identity.traits.email}}")]
    [InlineData("a {{- .X -}} b", "a {{~X~}} b")]
    [InlineData("{{ if .RequestURLDomain }}@{{ .RequestURLDomain }}{{ end -}}", "{{#if RequestURLDomain}}@{{RequestURLDomain}}{{/if~}}")]
    [InlineData("{{ if .A }}a{{ else if .B }}b{{ else }}c{{ end }}", "{{#if A}}a{{else if B}}b{{else}}c{{/if}}")]
    [InlineData("{{ range .Items }}{{ . }}{{ end }}", "{{#each Items}}{{this}}{{/each}}")]
    [InlineData("{{ with .Identity }}{{ .id }}{{ end }}", "{{#with Identity}}{{id}}{{/with}}")]
    [InlineData("{{/* a note */}}x", "{{!-- a note --}}x")]
    [InlineData("{{LoginCode}} {{#if X}}y{{/if}} {{{Raw}}} {{!-- c --}} {{> custos_code code=LoginCode}}", "{{LoginCode}} {{#if X}}y{{/if}} {{{Raw}}} {{!-- c --}} {{> custos_code code=LoginCode}}")]
    [InlineData("{{#each Items}}{{../To}}{{/each}}", "{{#each Items}}{{../To}}{{/each}}")]
    public void Rewrite_TranslatesTheSupportedSubset(string go, string handlebars)
    {
        Assert.Equal(handlebars, GoTemplateRewriter.Rewrite(go));
    }

    [Theory]
    [InlineData("{{ .X | html }}")]
    [InlineData("{{ upper .X }}")]
    [InlineData("{{ $x := .X }}")]
    [InlineData("{{ template \"t\" . }}")]
    [InlineData("{{ if .X }}never closed")]
    [InlineData("{{ .X")]
    public void Rewrite_RefusesWhatItCannotTranslate(string go)
    {
        Assert.Throws<CourierTemplateException>(() => GoTemplateRewriter.Rewrite(go));
    }

    [Fact]
    public void Compile_OfABrokenOverride_IsATemplateException()
    {
        var renderer = TemplateTestHelpers.Renderer();

        Assert.Throws<CourierTemplateException>(() => renderer.Compile("{{#if X}}unclosed", html: true));
    }
}
