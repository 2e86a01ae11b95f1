using Custos.Courier;
using MimeKit;

namespace Custos.UnitTests.Courier;

public sealed class EmailRecipientTests
{
    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("ada+custos@example.com")]
    [InlineData("  ada@example.com  ")]
    [InlineData("jöns@exämple.com")]
    [InlineData("\"quoted name\"@example.com")]
    public void BareAddresses_AreAccepted_AndMimeKitBuildsTheMailboxTheWorkerSendsTo(string recipient)
    {
        var valid = EmailRecipient.IsValid(recipient);

        Assert.True(valid);
        Assert.Equal(recipient.Trim(), new MailboxAddress(null, recipient.Trim()).Address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not an address")]
    [InlineData("ada@")]
    [InlineData("@example.com")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@example.com, bob@example.com")]
    [InlineData("ada@example.com\r\nBcc: x@example.com")]
    [InlineData("not an address\r\nBcc: x@example.com")]
    [InlineData("ada@example.com\u0000")]
    public void AnythingButOneBareAddress_IsRefused(string recipient)
    {
        var valid = EmailRecipient.IsValid(recipient);

        Assert.False(valid);
    }
}
