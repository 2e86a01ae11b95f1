using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Custos.Config;

/// <summary>
/// Runs the DataAnnotations on every options property (and <see cref="IValidatableObject"/> on every options object)
/// across the whole tree, phrasing each failure as <c>yaml.path: problem</c>.
/// </summary>
internal static class OptionsTreeValidator
{
    /// <summary>All annotation failures under <paramref name="root"/>.</summary>
    public static List<string> Validate(object root)
    {
        var errors = new List<string>();
        ValidateObject(root, "", errors);
        return errors;
    }

    private static void ValidateObject(object target, string path, List<string> errors)
    {
        foreach (var property in OptionsTypeModel.PropertiesOf(target.GetType()))
        {
            var value = property.Property.GetValue(target);
            var propertyPath = Join(path, property.Key);
            foreach (var attribute in property.Property.GetCustomAttributes(typeof(ValidationAttribute), true).Cast<ValidationAttribute>())
            {
                errors.AddRange(Check(attribute, value, propertyPath));
            }

            ValidateChildren(value, property.Type, propertyPath, errors);
        }

        if (target is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(target)))
            {
                var member = result.MemberNames.FirstOrDefault();
                errors.Add($"{(member is null ? path : Join(path, member))}: {result.ErrorMessage}");
            }
        }
    }

    private static void ValidateChildren(object? value, Type type, string path, List<string> errors)
    {
        switch (OptionsTypeModel.KindOf(type))
        {
            case ConfigNodeKind.Object when value is not null:
                ValidateObject(value, path, errors);
                break;
            case ConfigNodeKind.List when value is IList list:
                for (var i = 0; i < list.Count; i++)
                {
                    ValidateChildren(list[i], OptionsTypeModel.ElementType(type), $"{path}[{i}]", errors);
                }

                break;
            case ConfigNodeKind.Map when value is IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    ValidateChildren(entry.Value, OptionsTypeModel.ElementType(type), Join(path, (string)entry.Key), errors);
                }

                break;
        }
    }

    private static IEnumerable<string> Check(ValidationAttribute attribute, object? value, string path)
    {
        switch (attribute)
        {
            case ConfigUrlAttribute url:
                return url.Check(value).Select(p => $"{path}{(p.Index is { } i ? $"[{i}]" : "")}: {p.Message}");
            case RequiredAttribute when value is null or "":
                return [$"{path}: a value is required"];
            case RangeAttribute range when !range.IsValid(value):
                var max = Convert.ToInt64(range.Maximum, CultureInfo.InvariantCulture);
                var bound = max == int.MaxValue ? $"at least {range.Minimum}" : $"between {range.Minimum} and {range.Maximum}";
                return [$"{path}: must be {bound}, got {value}"];
            case AllowedValuesAttribute allowed when value is not (null or "") && !allowed.IsValid(value):
                var names = allowed.Values.Where(v => v is not null).Select(v => $"\"{v}\"");
                return [$"{path}: expected one of {string.Join(", ", names)}, got \"{value}\""];
            case RequiredAttribute or RangeAttribute or AllowedValuesAttribute:
                return [];
            default:
                return attribute.IsValid(value) ? [] : [$"{path}: {attribute.FormatErrorMessage(path)}"];
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
