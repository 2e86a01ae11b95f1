using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Custos.Ui.Rendering;

/// <summary>
/// A small HTML writer. Tag and attribute names are always code literals; every text and attribute value goes through
/// the HTML encoder, so nothing that came from a flow, an identity or a message can open markup.
/// </summary>
internal sealed class Html
{
    // Every Unicode range stays readable; markup characters (& < > " ' and friends) are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _sb = new();

    /// <summary>The value of a present boolean attribute (<c>required=""</c>), or null to leave it out.</summary>
    public static string? Flag(bool on) => on ? "" : null;

    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    /// <summary>Opens <paramref name="tag"/>; attributes whose value is null are left out.</summary>
    public Html Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _sb.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _sb.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(value)).Append('"');
        }

        _sb.Append('>');
        return this;
    }

    public Html Close(string tag)
    {
        _sb.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A void element (<c>input</c>, <c>img</c>, <c>meta</c>, <c>link</c>).</summary>
    public Html Void(string tag, params (string Name, string? Value)[] attributes) => Open(tag, attributes);

    /// <summary>An element holding only encoded text.</summary>
    public Html Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    public Html Text(string? text)
    {
        _sb.Append(Encoder.Encode(text ?? ""));
        return this;
    }

    /// <summary>Markup written by this assembly (a doctype, a fixed fragment); never pass data here.</summary>
    public Html Raw(string trustedMarkup)
    {
        _sb.Append(trustedMarkup);
        return this;
    }

    public override string ToString() => _sb.ToString();
}
