using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Schema.Validation;

namespace Custos.SelfService.Ui;

/// <summary>Generic and JSON-schema validation messages: 4000001–4000004, 4000017–4000026, 4000029–4000030, 4000040–4000041.</summary>
internal static partial class Messages
{
    /// <summary>4000001: the text is the reason itself, context {reason}. Also used for any 400 error turned into a flow message.</summary>
    public static UiText ErrorValidationGeneric(string reason) => Error(4000001, reason, ("reason", reason));

    public static UiText ErrorValidationRequired(string property) => Error(4000002, $"Property {property} is missing.", ("property", property));

    public static UiText ErrorValidationMinLength(int minLength, int actualLength) =>
        Error(4000003, $"length must be >= {minLength}, but got {actualLength}", ("min_length", minLength), ("actual_length", actualLength));

    public static UiText ErrorValidationInvalidFormat(string pattern) =>
        Error(4000004, $"does not match pattern {GoText.Quote(pattern)}", ("pattern", pattern));

    public static UiText ErrorValidationMaxLength(int maxLength, int actualLength) =>
        Error(4000017, $"length must be <= {maxLength}, but got {actualLength}", ("max_length", maxLength), ("actual_length", actualLength));

    public static UiText ErrorValidationMinimum(double minimum, double actual) =>
        Error(4000018, $"must be >= {GoText.Float(minimum)} but found {GoText.Float(actual)}", ("minimum", minimum), ("actual", actual));

    public static UiText ErrorValidationExclusiveMinimum(double minimum, double actual) =>
        Error(4000019, $"must be > {GoText.Float(minimum)} but found {GoText.Float(actual)}", ("minimum", minimum), ("actual", actual));

    public static UiText ErrorValidationMaximum(double maximum, double actual) =>
        Error(4000020, $"must be <= {GoText.Float(maximum)} but found {GoText.Float(actual)}", ("maximum", maximum), ("actual", actual));

    public static UiText ErrorValidationExclusiveMaximum(double maximum, double actual) =>
        Error(4000021, $"must be < {GoText.Float(maximum)} but found {GoText.Float(actual)}", ("maximum", maximum), ("actual", actual));

    public static UiText ErrorValidationMultipleOf(double @base, double actual) =>
        Error(4000022, $"{GoText.Float(actual)} not multipleOf {GoText.Float(@base)}", ("base", @base), ("actual", actual));

    public static UiText ErrorValidationMaxItems(int maxItems, int actualItems) =>
        Error(4000023, $"maximum {maxItems} items allowed, but found {actualItems} items", ("max_items", maxItems), ("actual_items", actualItems));

    public static UiText ErrorValidationMinItems(int minItems, int actualItems) =>
        Error(4000024, $"minimum {minItems} items allowed, but found {actualItems} items", ("min_items", minItems), ("actual_items", actualItems));

    public static UiText ErrorValidationUniqueItems(int indexA, int indexB) =>
        Error(4000025, $"items at index {indexA} and {indexB} are equal", ("index_a", indexA), ("index_b", indexB));

    public static UiText ErrorValidationWrongType(IReadOnlyList<string> allowedTypes, string actualType) =>
        Error(4000026, $"expected {string.Join(" or ", allowedTypes)}, but got {actualType}", ("allowed_types", allowedTypes), ("actual_type", actualType));

    /// <summary>4000029: "must be equal to constant x" with Go's <c>%v</c> of the expected value.</summary>
    public static UiText ErrorValidationConst(object? expected) =>
        Error(4000029, $"must be equal to constant {GoValue(expected)}", ("expected", expected));

    public static UiText ErrorValidationConstGeneric() => Error(4000030, "const failed");

    public static UiText ErrorValidationEmail(string value) => Error(4000040, "Enter a valid email address", ("value", value));

    public static UiText ErrorValidationPhone(string value) => Error(4000041, "Enter a valid phone number", ("value", value));

    private static string GoValue(object? value) => value switch
    {
        null => "<nil>",
        string s => s,
        bool b => b ? "true" : "false",
        double d => GoText.Float(d),
        float f => GoText.Float(f),
        decimal m => GoText.Float((double)m),
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        JsonNode node => node.ToJsonString(),
        JsonElement element => element.GetRawText(),
        _ => value.ToString() ?? "",
    };
}
