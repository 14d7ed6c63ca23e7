using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Tests.Assessment;

/// <summary>The assessment with the runner's training data: findings become causes with their evidence and order the plan.</summary>
public sealed class AssessmentWithDataTests
{
    private static Finding Finding(string id, string explanation, string planItem, string? detail = null, Severity severity = Severity.High) =>
        new(id, severity, [new DateOnly(2026, 11, 20)], new Dictionary<string, double>(), explanation, new FindingAction(planItem, detail));

    private static readonly Finding LowCadence =
        Finding(FindingIds.LowCadence, "At your easy pace your cadence is 162 steps per minute.", "cadence-retraining", "Start from 162 steps/min; first target 170 (+5%).");

    private static readonly Finding LongRun =
        Finding(FindingIds.LongRunSpike, "On 2026-11-20 you ran 19 km, 46 % more than your longest run of the previous 30 days.", "load-progression");

    [Fact]
    public void A_finding_becomes_a_contributing_factor_with_its_dates_and_numbers()
    {
        var result = Assessor.Assess(A.With(), A.Day, [LongRun]);

        var factor = Assert.Single(result.ContributingFactors);
        Assert.Equal("longer-long-run", factor.Id);
        Assert.Equal("training-data", factor.Source);
        Assert.Contains("2026-11-20", factor.Evidence);
        Assert.Contains("46 %", factor.Evidence);
    }

    [Fact]
    public void The_causes_the_runner_reported_come_before_those_found_only_in_the_data()
    {
        // Issue 11: "I added intervals" was listed fifth, behind causes found in the data.
        var result = Assessor.Assess(A.With().Changes(RecentChange.NewSpeedwork, RecentChange.LowCadence), A.Day, [LongRun, LowCadence]);

        Assert.Equal(["low-cadence", "new-speedwork", "longer-long-run"], result.ContributingFactors.Select(f => f.Id));
        Assert.Equal(["answers and training-data", "answers", "training-data"], result.ContributingFactors.Select(f => f.Source));
    }

    [Fact]
    public void A_cause_both_reported_and_seen_in_the_data_is_listed_once_with_both_sources()
    {
        var result = Assessor.Assess(A.With().Changes(RecentChange.LowCadence, RecentChange.WornShoes), A.Day, [LowCadence]);

        Assert.Equal(["low-cadence", "worn-shoes"], result.ContributingFactors.Select(f => f.Id));
        Assert.Equal("answers and training-data", result.ContributingFactors[0].Source);
        Assert.StartsWith("You reported this, and your data shows it.", result.ContributingFactors[0].Evidence);
        Assert.Equal("answers", result.ContributingFactors[1].Source);
    }

    [Fact]
    public void The_cadence_plan_starts_from_the_measured_cadence()
    {
        var result = Assessor.Assess(A.With(), A.Day, [LowCadence]);

        var cadence = Assert.Single(result.Prevention, i => i.Id == "cadence-retraining");
        Assert.Contains("From your data: Start from 162 steps/min", cadence.Details);
        Assert.Equal("cadence-retraining", result.Prevention[0].Id);
    }

    [Fact]
    public void Causes_seen_in_the_data_outrank_causes_only_reported()
    {
        var result = Assessor.Assess(A.With().Changes(RecentChange.WornShoes), A.Day, [LowCadence]);

        var ids = result.Prevention.Select(i => i.Id).ToList();
        Assert.True(ids.IndexOf("cadence-retraining") < ids.IndexOf("shoe-review"));
    }

    [Fact]
    public void Every_finding_id_maps_to_a_cause_the_prevention_plan_addresses()
    {
        foreach (var id in FindingIds.All)
        {
            var cause = ContributingFactors.CauseOf(Finding(id, "x", "load-progression"));
            Assert.Contains(PreventionPlan.For([new ContributingFactor(cause.Id(), "t", "e", "training-data")]), i => i.Addresses.Contains(cause.Id()));
        }
    }

    [Fact]
    public void With_a_red_flag_the_data_still_explains_the_cause_but_no_training_advice_is_given()
    {
        var result = Assessor.Assess(A.With(Symptom.Swelling), A.Day, [LongRun]);

        Assert.Equal(Disposition.Urgent, result.Disposition);
        Assert.Single(result.ContributingFactors);
        Assert.Empty(result.Prevention);
    }
}
