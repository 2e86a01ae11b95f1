using System.Text;
using HandlebarsDotNet;

namespace Custos.Courier.Templates;

/// <summary>
/// HTML-encodes template values for element text and quoted attributes (<c>&amp; &lt; &gt; " '</c>). Handlebars.Net's
/// default encoder also turns <c>=</c> and backticks into entities, which breaks the readability of URLs shown in mails
/// without adding safety inside quoted attributes.
/// </summary>
internal sealed class HtmlTextEncoder : ITextEncoder
{
    public void Encode(StringBuilder? text, TextWriter target)
    {
        if (text is null)
        {
            return;
        }

        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                Write(c, target);
            }
        }
    }

    public void Encode(string? text, TextWriter target)
    {
        if (text is null)
        {
            return;
        }

        foreach (var c in text)
        {
            Write(c, target);
        }
    }

    public void Encode<T>(T? text, TextWriter target)
        where T : IEnumerator<char>
    {
        while (text is not null && text.MoveNext())
        {
            Write(text.Current, target);
        }
    }

    private static void Write(char c, TextWriter target)
    {
        switch (c)
        {
            case '&': target.Write("&amp;"); break;
            case '<': target.Write("&lt;"); break;
            case '>': target.Write("&gt;"); break;
            case '"': target.Write("&quot;"); break;
            case '\'': target.Write("&#39;"); break;
            default: target.Write(c); break;
        }
    }
}
