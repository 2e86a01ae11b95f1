using System.Globalization;
using Custos.Schema.Validation;
using Custos.SelfService.Ui;

namespace Custos.Schema;

/// <summary>
/// Maps validation errors to Kratos's UI messages (the 4000xxx ids of <c>text/id.go</c>). Kratos derives the message
/// from the failing keyword; keywords without a dedicated message (format, enum, additionalProperties, ...) become the
/// generic 4000001 whose text is the validator's own message, e.g. <c>"foo" is not valid "email"</c>.
/// </summary>
internal static class SchemaErrorMessages
{
    public const long Generic = 4000001;
    public const long Required = 4000002;
    public const long MinLength = 4000003;
    public const long InvalidFormat = 4000004;
    public const long MaxLength = 4000017;
    public const long Minimum = 4000018;
    public const long ExclusiveMinimum = 4000019;
    public const long Maximum = 4000020;
    public const long ExclusiveMaximum = 4000021;
    public const long MultipleOf = 4000022;
    public const long MaxItems = 4000023;
    public const long MinItems = 4000024;
    public const long UniqueItems = 4000025;
    public const long WrongType = 4000026;
    public const long Const = 4000029;
    public const long ConstGeneric = 4000030;

    public static UiText ToUiText(SchemaError error)
    {
        var c = error.Context;
        return error.Keyword switch
        {
            "required" => Text(Required, $"Property {Get<string>(c, "property")} is missing.", ("property", Get<string>(c, "property"))),
            "minLength" => Length(MinLength, ">=", "min_length", c),
            "maxLength" => Length(MaxLength, "<=", "max_length", c),
            "pattern" when !c.ContainsKey("timed_out") => Text(InvalidFormat,
                $"does not match pattern {GoText.Quote(Get<string>(c, "pattern"))}", ("pattern", Get<string>(c, "pattern"))),
            "minimum" => Bound(Minimum, ">=", "minimum", c),
            "exclusiveMinimum" => Bound(ExclusiveMinimum, ">", "minimum", c),
            "maximum" => Bound(Maximum, "<=", "maximum", c),
            "exclusiveMaximum" => Bound(ExclusiveMaximum, "<", "maximum", c),
            "multipleOf" => Text(MultipleOf, $"{GoText.Float(Get<double>(c, "actual"))} not multipleOf {GoText.Float(Get<double>(c, "base"))}",
                ("base", Get<double>(c, "base")), ("actual", Get<double>(c, "actual"))),
            "maxItems" => Items(MaxItems, "maximum", "max_items", c),
            "minItems" => Items(MinItems, "minimum", "min_items", c),
            "uniqueItems" => Text(UniqueItems, $"items at index {Get<int>(c, "index_a")} and {Get<int>(c, "index_b")} are equal",
                ("index_a", Get<int>(c, "index_a")), ("index_b", Get<int>(c, "index_b"))),
            "type" => WrongTypeText(c),
            "const" when error.Message == "const failed" => new UiText(ConstGeneric, "const failed", UiText.Error),
            "const" => Text(Const, $"must be equal to constant {Get<string>(c, "expected")}", ("expected", Get<string>(c, "expected"))),
            _ => Text(Generic, error.Message, ("reason", error.Message)),
        };
    }

    private static UiText Length(long id, string op, string limitKey, IReadOnlyDictionary<string, object?> c)
    {
        var limit = Convert.ToInt64(c[limitKey], CultureInfo.InvariantCulture);
        var actual = Convert.ToInt64(c["actual_length"], CultureInfo.InvariantCulture);
        return Text(id, $"length must be {op} {limit}, but got {actual}", (limitKey, limit), ("actual_length", actual));
    }

    private static UiText Bound(long id, string op, string limitKey, IReadOnlyDictionary<string, object?> c)
    {
        var limit = Get<double>(c, limitKey);
        var actual = Get<double>(c, "actual");
        return Text(id, $"must be {op} {GoText.Float(limit)} but found {GoText.Float(actual)}", (limitKey, limit), ("actual", actual));
    }

    private static UiText Items(long id, string bound, string limitKey, IReadOnlyDictionary<string, object?> c)
    {
        var limit = Convert.ToInt64(c[limitKey], CultureInfo.InvariantCulture);
        var actual = Convert.ToInt64(c["actual_items"], CultureInfo.InvariantCulture);
        return Text(id, $"{bound} {limit} items allowed, but found {actual} items", (limitKey, limit), ("actual_items", actual));
    }

    private static UiText WrongTypeText(IReadOnlyDictionary<string, object?> c)
    {
        var allowed = Get<string[]>(c, "allowed_types");
        var actual = Get<string>(c, "actual_type");
        return Text(WrongType, $"expected {string.Join(" or ", allowed)}, but got {actual}", ("allowed_types", allowed), ("actual_type", actual));
    }

    private static UiText Text(long id, string text, params (string Key, object? Value)[] context) =>
        new(id, text, UiText.Error, context.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    private static T Get<T>(IReadOnlyDictionary<string, object?> context, string key) =>
        context.TryGetValue(key, out var value) && value is T typed
            ? typed
            : throw new ArgumentException($"The schema error context lacks '{key}'.", nameof(context));
}
