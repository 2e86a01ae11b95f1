namespace Custos.Courier.Templates;

/// <summary>The parts of a courier template, each a file in Kratos's template directory layout.</summary>
internal enum CourierTemplatePart
{
    EmailSubject,
    EmailBodyHtml,
    EmailBodyPlaintext,
    SmsBody,
}
