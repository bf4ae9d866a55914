using Atlas.Core.Paging;

namespace Atlas.Core.Tests.Paging;

public sealed class KeysetCursorTests
{
    [Fact]
    public void A_cursor_survives_its_round_trip()
    {
        var cursor = new KeysetCursor("-title", "\"Fès, médina\"", 42);
        Assert.Equal(cursor, KeysetCursor.TryDecode(cursor.Encode()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-cursor")]
    [InlineData("eyJ2Ijo5fQ")] // {"v":9}: an unknown version
    [InlineData("cDE6MTI")]    // the old "p1:12" form
    public void Anything_else_is_no_cursor(string text) => Assert.Null(KeysetCursor.TryDecode(text));
}
