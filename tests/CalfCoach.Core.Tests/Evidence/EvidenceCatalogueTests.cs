using System.Text.RegularExpressions;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Evidence;
using CalfCoach.Core.Tests.Plans;

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

    /// <summary>
    /// ProgrammeTasks.Ids is kept by hand beside the tasks; a programme walked through every phase, and one at each
    /// other level of advice, must give no task outside it (else its "Why?" link would silently go missing).
    /// </summary>
    [Fact]
    public void The_programme_gives_no_task_id_outside_the_list_the_catalogue_is_checked_against()
    {
        var log = ProgrammeLog.Running(preInjuryKm: 40, cadence: 160).Quiet(10, 40);
        for (var d = 9; d <= 40; d++)
        {
            log.WalkRun(d, pain: 1);
        }

        var seen = Enumerable.Range(0, 41).SelectMany(d => log.On(d).Today).Select(t => t.Id)
            .Concat(new[] { Disposition.SeeClinician, Disposition.Urgent }.SelectMany(level => new ProgrammeLog(level).On(1).Today.Select(t => t.Id)))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("walk-run", seen);
        Assert.Contains("cadence-retraining", seen);
        Assert.Contains("get-help", seen);
        Assert.Empty(seen.Except(EvidenceCatalogue.TaskIds, StringComparer.Ordinal));
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
