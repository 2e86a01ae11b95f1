using Custos.Config;
using Custos.Courier.Channels;
using Custos.Courier.Jsonnet;
using Custos.Courier.Templates;

namespace Custos.Courier;

/// <summary>
/// Start-up checks of the courier configuration that need more than the option annotations: the SMTP URI, local
/// template overrides (read and compiled, so a broken template fails the start naming its YAML path instead of
/// surfacing when the first mail goes out), Jsonnet request bodies (parsed) and HTTP authentication settings.
/// Remote (<c>http(s)://</c>) templates are fetched only when used.
/// </summary>
internal static class CourierConfigCheck
{
    // The courier.templates keys of Kratos's schema; the last two have no template in Custos yet but are accepted.
    private static readonly HashSet<string> TemplateKeys = new(StringComparer.Ordinal)
    {
        "recovery", "recovery_code", "verification", "verification_code", "login_code", "registration_code",
        "verifiable_address_changed", "authenticator_key_added",
    };

    /// <summary>Adds one message per problem, each starting with its YAML path.</summary>
    public static void Collect(CourierOptions courier, List<string> errors)
    {
        if (!string.IsNullOrEmpty(courier.Smtp.ConnectionUri))
        {
            try
            {
                SmtpEndpoint.Parse(courier.Smtp.ConnectionUri);
            }
            catch (FormatException e)
            {
                errors.Add(e.Message);
            }
        }

        CheckOverrideDirectory(courier.TemplateOverridePath, errors);
        CheckTemplateUris(courier, errors);
        CheckRequest("courier.http.request_config", courier.Http.RequestConfig, errors);
        for (var i = 0; i < courier.Channels.Count; i++)
        {
            CheckRequest($"courier.channels[{i}].request_config", courier.Channels[i].RequestConfig, errors);
        }
    }

    private static void CheckOverrideDirectory(string? root, List<string> errors)
    {
        if (string.IsNullOrEmpty(root))
        {
            return;
        }

        if (!Directory.Exists(root))
        {
            errors.Add($"courier.template_override_path: the directory \"{root}\" does not exist");
            return;
        }

        foreach (var type in CourierTemplateTypes.All)
        {
            foreach (var part in Enum.GetValues<CourierTemplatePart>())
            {
                var path = Path.Combine(root, CourierTemplateCatalog.RelativePath(type, part));
                if (File.Exists(path))
                {
                    CheckTemplate("courier.template_override_path", path, () => File.ReadAllText(path), part, errors);
                }
            }
        }
    }

    private static void CheckTemplateUris(CourierOptions courier, List<string> errors)
    {
        foreach (var key in courier.Templates.Keys.Where(k => !TemplateKeys.Contains(k)))
        {
            errors.Add($"courier.templates.{key}: unknown template type (expected one of {string.Join(", ", TemplateKeys.Order(StringComparer.Ordinal))})");
        }

        foreach (var type in CourierTemplateTypes.All)
        {
            foreach (var part in Enum.GetValues<CourierTemplatePart>())
            {
                if (CourierTemplateCatalog.ConfiguredUri(courier, type, part) is { } uri)
                {
                    CheckTemplate(CourierTemplateCatalog.ConfigPath(type, part), uri, () => TemplateFetcher.ReadLocal(uri), part, errors);
                }
            }
        }
    }

    private static void CheckTemplate(string yamlPath, string where, Func<string?> read, CourierTemplatePart part, List<string> errors)
    {
        try
        {
            if (read() is not { } source)
            {
                if (!where.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !where.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add($"{yamlPath}: unsupported template URI scheme (use file://, base64://, http:// or https://)");
                }

                return;
            }

            HandlebarsDotNet.Handlebars.Create().Compile(GoTemplateRewriter.Rewrite(source));
        }
        catch (Exception e) when (e is CourierTemplateException or HandlebarsDotNet.HandlebarsException or IOException or UnauthorizedAccessException)
        {
            var file = yamlPath == "courier.template_override_path" ? $"{where}: " : "";
            errors.Add($"{yamlPath}: {file}the {part} template is not usable: {e.Message}");
        }
    }

    private static void CheckRequest(string yamlPath, HttpRequestConfigOptions request, List<string> errors)
    {
        var auth = request.Auth;
        if (auth.Type == "basic_auth" && (auth.Config.User is null || auth.Config.Password is null))
        {
            errors.Add($"{yamlPath}.auth.config: basic_auth requires user and password");
        }

        if (auth.Type == "api_key" && (string.IsNullOrEmpty(auth.Config.Name) || auth.Config.Value is null))
        {
            errors.Add($"{yamlPath}.auth.config: api_key requires name and value");
        }

        if (string.IsNullOrEmpty(request.Body))
        {
            return;
        }

        var uri = ConfigUrlAttribute.IsAbsolute(request.Body) ? request.Body : "file://" + request.Body;
        try
        {
            if (TemplateFetcher.ReadLocal(uri) is { } jsonnet)
            {
                // Parsed, not run: binding the snippet to an unused local checks the syntax without needing a ctx.
                JsonnetEvaluator.Evaluate("request_body.jsonnet", "local custos_body =\n" + jsonnet + "\n;\nnull", null);
            }
            else if (!uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{yamlPath}.body: unsupported URI scheme (use file://, base64://, http:// or https://)");
            }
        }
        catch (Exception e) when (e is CourierTemplateException or JsonnetException)
        {
            errors.Add($"{yamlPath}.body: {e.Message}");
        }
        catch (DllNotFoundException)
        {
            // libjsonnet0 missing: the native-library check at start names the package.
        }
    }
}
