using Custos.Sessions;

namespace Custos.UnitTests.Sessions;

public sealed class SessionCursorTests
{
    [Fact]
    public void Encode_ThenDecode_RoundTrips()
    {
        var cursor = new SessionCursor(new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc).AddTicks(9), Guid.NewGuid());

        Assert.Equal(cursor, SessionCursor.TryDecode(cursor.Encode()));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("!!!")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("__________________________________")]
    public void Crafted_DoesNotDecode(string token)
    {
        Assert.Null(SessionCursor.TryDecode(token));
    }
}
