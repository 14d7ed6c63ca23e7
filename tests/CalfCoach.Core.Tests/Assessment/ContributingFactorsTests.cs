using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Tests.Assessment;

public sealed class ContributingFactorsTests
{
    [Fact]
    public void Each_reported_change_becomes_a_factor_with_its_id_and_evidence_from_the_answers()
    {
        foreach (var change in Enum.GetValues<RecentChange>())
        {
            var factor = Assert.Single(ContributingFactors.FromReportedAnswers(A.With().Changes(change)));

            Assert.Equal(change.Id(), factor.Id);
            Assert.Equal("answers", factor.Source);
            Assert.StartsWith("You reported this.", factor.Evidence);
        }
    }

    [Fact]
    public void A_cramp_during_a_run_is_a_factor()
    {
        var factors = ContributingFactors.FromReportedAnswers(A.With() with { CrampDuringRun = true });

        Assert.Equal(["cramp-during-run"], factors.Select(f => f.Id));
    }

    [Fact]
    public void Nothing_reported_means_no_factors()
    {
        Assert.Empty(ContributingFactors.FromReportedAnswers(A.With()));
    }

    [Fact]
    public void Factors_are_reported_even_when_the_disposition_forbids_coaching()
    {
        var result = A.With(Symptom.PopOrSnap).Changes(RecentChange.MoreHills).Assess();

        Assert.Equal(Disposition.Urgent, result.Disposition);
        Assert.Contains(result.ContributingFactors, f => f.Id == "more-hills");
        Assert.Empty(result.Prevention);
    }
}
