using System.Text.Json.Nodes;

namespace Custos.Config;

/// <summary>
/// Defaults that depend on dev mode or on other keys, applied around binding so that consumers read a complete tree:
/// dev-mode fallbacks for required keys, <c>session.cookie.*</c> falling back to <c>cookies.*</c>, secure cookies
/// unless dev, Kratos's bcrypt cost floor, and unset UI URLs pointing at the built-in UI.
/// </summary>
internal static class CustosOptionsDefaults
{
    /// <summary>The database used by <c>--dev</c> when no <c>dsn</c> is configured.</summary>
    public const string DevDsn = "sqlite://./custos.db?_fk=true";

    /// <summary>
    /// Before binding: in dev mode, fill <c>dsn</c> and <c>identity.schemas</c> when absent; in dev mode without any
    /// configuration file, also turn on what a person trying Custos expects (<see cref="ApplyTryItDefaults"/>).
    /// </summary>
    public static void ApplyToDocument(JsonObject document, bool dev, bool withoutFiles = false)
    {
        if (!dev)
        {
            return;
        }

        if (withoutFiles)
        {
            ApplyTryItDefaults(document);
        }

        if (document["dsn"] is null)
        {
            document["dsn"] = DevDsn;
        }

        var identity = document["identity"] as JsonObject;
        if (identity is null)
        {
            identity = [];
            document["identity"] = identity;
        }

        if (identity["schemas"] is not JsonArray { Count: > 0 })
        {
            identity["schemas"] = new JsonArray(new JsonObject
            {
                ["id"] = "default",
                ["url"] = IdentityOptions.BuiltinDefaultSchemaUrl,
            });
        }
    }

    /// <summary>
    /// <c>custos serve --dev</c> with no configuration file is a complete sign-in system to try: recovery and
    /// verification are on (Kratos defaults them off), and a registration (with any method) signs the person in and shows the
    /// verification page. Keys set through the environment win; any configuration file turns this off, so a Kratos
    /// config behaves as it does under Kratos.
    /// </summary>
    private static void ApplyTryItDefaults(JsonObject document)
    {
        var flows = Child(Child(document, "selfservice"), "flows");
        foreach (var flow in new[] { "recovery", "verification" })
        {
            var section = Child(flows, flow);
            section["enabled"] ??= true;
        }

        var after = Child(Child(flows, "registration"), "after");
        after["hooks"] ??= new JsonArray(new JsonObject { ["hook"] = "session" }, new JsonObject { ["hook"] = "show_verification_ui" });
    }

    private static JsonObject Child(JsonObject parent, string key)
    {
        if (parent[key] is not JsonObject child)
        {
            child = [];
            parent[key] = child;
        }

        return child;
    }

    /// <summary>After binding: derived defaults. <paramref name="document"/> tells which keys were written explicitly.</summary>
    public static void ApplyToOptions(CustosOptions options, JsonObject document, bool dev, List<string> warnings)
    {
        options.Dev = dev;
        if (!Has(document, "cookies", "secure"))
        {
            options.Cookies.Secure = !dev;
        }

        var cookie = options.Session.Cookie;
        if (!Has(document, "session", "cookie", "domain"))
        {
            cookie.Domain = options.Cookies.Domain;
        }

        if (!Has(document, "session", "cookie", "path"))
        {
            cookie.Path = options.Cookies.Path;
        }

        if (!Has(document, "session", "cookie", "same_site"))
        {
            cookie.SameSite = options.Cookies.SameSite;
        }

        if (!Has(document, "session", "cookie", "secure"))
        {
            cookie.Secure = options.Cookies.Secure;
        }

        if (!Has(document, "session", "earliest_possible_extend"))
        {
            options.Session.EarliestPossibleExtend = options.Session.Lifespan;
        }

        var publicBaseUrl = options.Serve.Public.EffectiveBaseUrl(dev);
        ApplyBuiltinUiUrls(options.Selfservice, document, publicBaseUrl);

        var totp = options.Selfservice.Methods.Totp.Config;
        if (string.IsNullOrWhiteSpace(totp.Issuer) && Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri))
        {
            totp.Issuer = uri.Host;
        }

        // Kratos silently raises low bcrypt costs outside dev mode; say so instead of staying silent.
        var bcrypt = options.Hashers.Bcrypt;
        if (!dev && bcrypt.Cost < BcryptOptions.MinimumProductionCost)
        {
            warnings.Add($"hashers.bcrypt.cost: {bcrypt.Cost} is below {BcryptOptions.MinimumProductionCost} and was raised to {BcryptOptions.MinimumProductionCost} (lower costs are allowed only with --dev)");
            bcrypt.Cost = BcryptOptions.MinimumProductionCost;
        }
    }

    /// <summary>
    /// Every UI URL the configuration leaves unset points at the built-in pages under <c>&lt;public base url&gt;ui/</c>
    /// (Kratos points them at its hosted fallback pages and requires <c>default_browser_return_url</c>); explicitly set
    /// ones, such as the quickstart's external UI, are kept. The effective values are written back into the document.
    /// </summary>
    private static void ApplyBuiltinUiUrls(SelfserviceOptions selfservice, JsonObject document, string publicBaseUrl)
    {
        var ui = publicBaseUrl + "ui/";
        var flows = selfservice.Flows;
        selfservice.DefaultBrowserReturnUrl = Default(document, selfservice.DefaultBrowserReturnUrl, ui + "welcome", "default_browser_return_url");
        flows.Login.UiUrl = Default(document, flows.Login.UiUrl, ui + "login", "flows", "login", "ui_url");
        flows.Registration.UiUrl = Default(document, flows.Registration.UiUrl, ui + "registration", "flows", "registration", "ui_url");
        flows.Settings.UiUrl = Default(document, flows.Settings.UiUrl, ui + "settings", "flows", "settings", "ui_url");
        flows.Recovery.UiUrl = Default(document, flows.Recovery.UiUrl, ui + "recovery", "flows", "recovery", "ui_url");
        flows.Verification.UiUrl = Default(document, flows.Verification.UiUrl, ui + "verification", "flows", "verification", "ui_url");
        flows.Error.UiUrl = Default(document, flows.Error.UiUrl, ui + "error", "flows", "error", "ui_url");
    }

    /// <summary><paramref name="current"/>, or when it is empty <paramref name="fallback"/>, also set at <c>selfservice.&lt;path&gt;</c> in the document.</summary>
    private static string Default(JsonObject document, string current, string fallback, params string[] path)
    {
        if (!string.IsNullOrWhiteSpace(current))
        {
            return current;
        }

        var node = document;
        foreach (var key in path.Prepend("selfservice").SkipLast(1))
        {
            node = Child(node, key);
        }

        node[path[^1]] = fallback;
        return fallback;
    }

    private static bool Has(JsonObject document, params string[] path)
    {
        JsonNode? node = document;
        foreach (var key in path)
        {
            node = (node as JsonObject)?[key];
        }

        return node is not null;
    }
}
