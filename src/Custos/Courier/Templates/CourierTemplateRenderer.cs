using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Config;
using HandlebarsDotNet;
using Microsoft.Extensions.Options;

namespace Custos.Courier.Templates;

/// <summary>
/// Renders courier templates with Handlebars. Each part is looked up as Kratos does: the <c>courier.templates</c> URI,
/// else the file under <c>courier.template_override_path</c>, else the built-in default. Overrides may use Kratos's
/// Go-template field syntax (<see cref="GoTemplateRewriter"/>). HTML bodies HTML-encode every value; subjects and
/// plain-text bodies do not. An override that cannot be fetched or compiled is logged and the built-in is used, so a
/// code or link still reaches the user. Singleton: compiled templates are cached for the process.
/// </summary>
internal sealed class CourierTemplateRenderer(IOptionsMonitor<CustosOptions> options, TemplateFetcher fetcher, ILogger<CourierTemplateRenderer> logger)
{
    private readonly IHandlebars _html = CreateHtml();
    private readonly IHandlebars _text = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true, FormatProvider = CultureInfo.InvariantCulture });
    private readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> _compiled = new(StringComparer.Ordinal);

    /// <summary>Renders subject, plain-text and HTML body of an e-mail of <paramref name="templateType"/>.</summary>
    public async Task<RenderedEmail> RenderEmailAsync(string templateType, JsonObject data, CancellationToken ct)
    {
        var model = TemplateModel.ForRendering(data);
        var subject = await RenderAsync(templateType, CourierTemplatePart.EmailSubject, model, ct);
        var body = await RenderAsync(templateType, CourierTemplatePart.EmailBodyPlaintext, model, ct);
        string? html;
        try
        {
            html = await RenderAsync(templateType, CourierTemplatePart.EmailBodyHtml, model, ct);
        }
        catch (CourierTemplateException e)
        {
            // As Kratos: without an HTML body the mail still goes out as plain text.
            CourierLog.HtmlBodyFailed(logger, templateType, e.Message);
            html = null;
        }

        return new RenderedEmail(OneLine(subject), body, html);
    }

    /// <summary>Renders the SMS body of <paramref name="templateType"/>.</summary>
    public async Task<string> RenderSmsAsync(string templateType, JsonObject data, CancellationToken ct) =>
        (await RenderAsync(templateType, CourierTemplatePart.SmsBody, TemplateModel.ForRendering(data), ct)).Trim();

    /// <summary>Compiles <paramref name="source"/> (Handlebars or the supported Go subset); throws <see cref="CourierTemplateException"/>.</summary>
    public HandlebarsTemplate<object, object> Compile(string source, bool html)
    {
        var rewritten = GoTemplateRewriter.Rewrite(source);
        try
        {
            return (html ? _html : _text).Compile(rewritten);
        }
        catch (HandlebarsException e)
        {
            throw new CourierTemplateException($"the template does not compile: {e.Message}", e);
        }
    }

    private async Task<string> RenderAsync(string templateType, CourierTemplatePart part, object model, CancellationToken ct)
    {
        var template = await ResolveAsync(templateType, part, ct);
        try
        {
            return template(model);
        }
        catch (HandlebarsException e)
        {
            throw new CourierTemplateException($"rendering {templateType} failed: {e.Message}", e);
        }
    }

    private async Task<HandlebarsTemplate<object, object>> ResolveAsync(string templateType, CourierTemplatePart part, CancellationToken ct)
    {
        var courier = options.CurrentValue.Courier;
        var html = part == CourierTemplatePart.EmailBodyHtml;
        if (CourierTemplateCatalog.ConfiguredUri(courier, templateType, part) is { } uri)
        {
            try
            {
                var source = await fetcher.FetchAsync(uri, ct);
                return Cached($"uri:{html}:{uri}", () => Compile(source, html));
            }
            catch (CourierTemplateException e)
            {
                CourierLog.TemplateFallback(logger, CourierTemplateCatalog.ConfigPath(templateType, part), e.Message);
            }
        }

        if (!string.IsNullOrEmpty(courier.TemplateOverridePath))
        {
            var path = Path.Combine(courier.TemplateOverridePath, CourierTemplateCatalog.RelativePath(templateType, part));
            if (File.Exists(path))
            {
                try
                {
                    return Cached($"file:{html}:{path}", () => Compile(File.ReadAllText(path), html));
                }
                catch (Exception e) when (e is CourierTemplateException or IOException or UnauthorizedAccessException)
                {
                    CourierLog.TemplateFallback(logger, "courier.template_override_path", e.Message);
                }
            }
        }

        var builtIn = BuiltInTemplates.Source(templateType, part)
            ?? throw new CourierTemplateException($"there is no {part} template for {templateType}");
        return Cached($"builtin:{templateType}:{part}", () => Compile(builtIn, html));
    }

    private HandlebarsTemplate<object, object> Cached(string key, Func<HandlebarsTemplate<object, object>> compile)
    {
        if (_compiled.TryGetValue(key, out var template))
        {
            return template;
        }

        template = compile();
        _compiled[key] = template;
        return template;
    }

    // A subject is one header line: Kratos trims it, and a template's stray newline must not end up in the header.
    private static string OneLine(string subject) => string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static IHandlebars CreateHtml()
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { FormatProvider = CultureInfo.InvariantCulture, TextEncoder = new HtmlTextEncoder() });
        foreach (var (name, source) in BuiltInTemplates.Partials())
        {
            handlebars.RegisterTemplate(name, source);
        }

        return handlebars;
    }
}
