using CalfCoach.Cli.Resources;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary>The import summary's words live in ImportSummaryText.resx, reached only through the typed class.</summary>
public sealed class ImportSummaryTextTests
{
    [Fact]
    public void Every_text_of_the_import_summary_has_its_resource_and_every_resource_a_member() =>
        ResourceTexts.AssertMatch(typeof(ImportSummaryText));

    [Fact]
    public void The_formatted_texts_fill_their_placeholders()
    {
        Assert.Equal("3 files, 1.5 MB in 0.2 s → me.db", ImportSummaryText.Totals(3, 1.5, 0.2, "me.db"));
        Assert.All(ResourceTexts.All(typeof(ImportSummaryText)), t => Assert.DoesNotContain("{", t, StringComparison.Ordinal));
    }
}
