using CalfCoach.Import.Sources;

namespace CalfCoach.Import.Tests.Sources;

public sealed class EntryNamesTests
{
    [Theory]
    [InlineData("activities/123.fit.gz", "activities/123.fit.gz")]
    [InlineData("runs\\2024\\a.fit", "runs/2024/a.fit")]
    [InlineData("./a.fit", "./a.fit")]
    [InlineData("a..b.fit", "a..b.fit")]
    [InlineData("...fit", "...fit")]
    [InlineData("Läufe/Morgen.fit", "Läufe/Morgen.fit")]
    public void Safe_names_are_accepted_with_forward_slashes(string raw, string expected)
    {
        Assert.True(EntryNames.TryNormalize(raw, out var normalized, out _));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../a.fit")]
    [InlineData("a/../../b.fit")]
    [InlineData("a\\..\\b.fit")]
    [InlineData("/a.fit")]
    [InlineData("\\a.fit")]
    [InlineData("c:a.fit")]
    [InlineData("Z:\\a.fit")]
    [InlineData("a\0.fit")]
    [InlineData("a\r\n.fit")]
    [InlineData("a\u009b31m.fit")]
    public void Unsafe_names_are_refused_with_a_reason(string raw)
    {
        Assert.False(EntryNames.TryNormalize(raw, out _, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public void Printable_replaces_control_characters()
    {
        Assert.Equal("a\uFFFD[31m.fit", EntryNames.Printable("a\u001b[31m.fit"));
    }
}
