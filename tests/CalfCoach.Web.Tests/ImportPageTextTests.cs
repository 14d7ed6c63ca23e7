using CalfCoach.Web.Resources;

namespace CalfCoach.Web.Tests;

/// <summary>The import page's words live in ImportPageText.resx, reached only through the typed class.</summary>
public sealed class ImportPageTextTests
{
    [Fact]
    public void Every_text_of_the_import_page_has_its_resource_and_every_resource_a_member() =>
        ResourceTexts.AssertMatch(typeof(ImportPageText));

    [Fact]
    public void The_texts_are_runner_words_with_their_placeholders_filled()
    {
        var texts = ResourceTexts.All(typeof(ImportPageText));

        Assert.All(texts, t => Assert.DoesNotContain("{0}", t, StringComparison.Ordinal));
        Assert.Empty(RunnerWords.CodeNamesIn(string.Join('\n', texts)));
        Assert.Contains("… and 3 more files that could not be read (the first 3 are listed).", texts);
    }
}
