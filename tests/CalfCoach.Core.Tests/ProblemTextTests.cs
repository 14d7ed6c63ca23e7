namespace CalfCoach.Core.Tests;

/// <summary>Issue 12, defect 2: error text that quotes a hostile file is bounded, its position kept.</summary>
public sealed class ProblemTextTests
{
    [Fact]
    public void Text_within_the_limit_is_kept_as_it_is()
    {
        var text = new string('x', ProblemText.MaxChars);

        Assert.Same(text, ProblemText.Bound(text));
    }

    [Theory]
    [InlineData(501)]
    [InlineData(10_000)]
    [InlineData(5_000_000)]
    public void Longer_text_keeps_its_start_and_its_end_and_says_how_much_was_left_out(int length)
    {
        var text = "line 3, position 17: the element <" + new string('a', length) + "> is never closed. Export the activity again.";

        var bounded = ProblemText.Bound(text);

        Assert.True(bounded.Length <= ProblemText.MaxChars, $"{bounded.Length} characters");
        Assert.StartsWith("line 3, position 17: the element <aaa", bounded, StringComparison.Ordinal);
        Assert.EndsWith("is never closed. Export the activity again.", bounded, StringComparison.Ordinal);

        // What is kept plus what the note says was left out is the whole text.
        var note = System.Text.RegularExpressions.Regex.Match(bounded, @" … \[(\d+) characters left out\] … ");
        Assert.True(note.Success);
        var head = bounded[..note.Index];
        var tail = bounded[(note.Index + note.Length)..];
        Assert.StartsWith(head, text, StringComparison.Ordinal);
        Assert.EndsWith(tail, text, StringComparison.Ordinal);
        Assert.Equal(text.Length, head.Length + int.Parse(note.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + tail.Length);
    }

    [Fact]
    public void A_surrogate_pair_is_never_split()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 1_000));

        var bounded = ProblemText.Bound(text);

        for (var i = 0; i < bounded.Length; i++)
        {
            if (char.IsHighSurrogate(bounded[i]))
            {
                Assert.True(char.IsLowSurrogate(bounded[i + 1]));
            }
            else
            {
                Assert.False(char.IsLowSurrogate(bounded[i]) && (i == 0 || !char.IsHighSurrogate(bounded[i - 1])));
            }
        }
    }
}
