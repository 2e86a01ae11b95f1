using System.Reflection;

namespace Custos.Courier.Templates;

/// <summary>The default templates embedded in the assembly (<c>Courier/Templates/BuiltIn/**.hbs</c>), Handlebars syntax.</summary>
internal static class BuiltInTemplates
{
    private const string Prefix = "courier-templates/";

    /// <summary>The shared HTML partials: <c>custos_layout</c> (a block partial with <c>title</c>), <c>custos_code</c>, <c>custos_button</c>.</summary>
    public static IEnumerable<(string Name, string Source)> Partials() =>
    [
        ("custos_layout", Read("_layout.hbs")!),
        ("custos_code", Read("_code.hbs")!),
        ("custos_button", Read("_button.hbs")!),
    ];

    /// <summary>The built-in source of <paramref name="part"/> of <paramref name="templateType"/>, or null when there is none (SMS of an e-mail-only type).</summary>
    public static string? Source(string templateType, CourierTemplatePart part) =>
        Read(CourierTemplateCatalog.RelativePath(templateType, part, ".hbs"));

    private static string? Read(string relativePath)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + relativePath);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
