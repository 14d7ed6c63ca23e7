using System.Text.RegularExpressions;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Evidence;

namespace CalfCoach.Core.Tests.Evidence;

/// <summary>Every finding and plan task has a "Why?" that lands on an entry of the evidence page.</summary>
public sealed partial class EvidenceCatalogueTests
{
    [Fact]
    public void Every_finding_kind_maps_to_an_existing_entry()
    {
        var missing = FindingIds.All.Where(id => EvidenceCatalogue.ForFinding(id) is not { } a || EvidenceCatalogue.Entry(a) is null).ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_plan_task_id_maps_to_an_existing_entry()
    {
        var ids = EvidenceCatalogue.TaskIds.ToArray();
        Assert.NotEmpty(ids);
        var missing = ids.Where(id => EvidenceCatalogue.ForTask(id) is not { } a || EvidenceCatalogue.Entry(a) is null).ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void Anchors_are_unique_fragment_safe_and_every_entry_has_a_summary_and_a_source()
    {
        var anchors = EvidenceCatalogue.Entries.Select(e => e.Anchor).ToArray();
        Assert.Equal(anchors.Length, anchors.Distinct(StringComparer.Ordinal).Count());
        Assert.All(EvidenceCatalogue.Entries, e =>
        {
            Assert.Matches(AnchorShape(), e.Anchor);
            Assert.False(string.IsNullOrWhiteSpace(e.Title));
            Assert.True(e.Summary.Length > 80, e.Anchor);
            Assert.NotEmpty(e.Sources);
            Assert.DoesNotContain("EVIDENCE.md", e.Summary, StringComparison.Ordinal);
            Assert.All(e.Sources, s => Assert.True(s.Url is null || s.Url.StartsWith("https://", StringComparison.Ordinal), s.Title));
        });
    }

    [Fact]
    public void Every_source_has_a_link_to_read_it()
    {
        Assert.All(EvidenceCatalogue.Entries.SelectMany(e => e.Sources), s => Assert.StartsWith("https://", s.Link, StringComparison.Ordinal));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex AnchorShape();
}
