using System.Text.Json;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;
using CalfCoach.Core.Plans.Json;

namespace CalfCoach.Core.Tests.Plans;

public sealed class ProgrammeJsonTests
{
    private static JsonDocument Serialize(ProgrammeState state) =>
        JsonDocument.Parse(ProgrammeJson.Serialize(state, ProgrammeLog.Day0));

    [Fact]
    public void The_plan_has_exactly_the_contract_keys_with_nulls_written_out()
    {
        using var json = Serialize(ProgrammeLog.Injured().On(1));

        Assert.Equal(
            ["asOf", "startedOn", "disposition", "headline", "phase", "phaseSince", "today", "week", "nextReview",
                "reasons", "heelDrops", "walkRunStage", "weeklyRunningCapKm", "cadenceTargetSpm", "notice"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("walkRunStage").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("weeklyRunningCapKm").ValueKind);
    }

    [Fact]
    public void Dates_and_enums_are_written_as_iso_dates_and_wire_words()
    {
        var state = ProgrammeLog.Injured().On(1);

        using var json = Serialize(state);

        var root = json.RootElement;
        Assert.Equal("2026-11-03", root.GetProperty("asOf").GetString());
        Assert.Equal("2026-11-02", root.GetProperty("startedOn").GetString());
        Assert.Equal("self-care", root.GetProperty("disposition").GetString());
        Assert.Equal(Disposition.SelfCare.Headline(), root.GetProperty("headline").GetString());
        Assert.Equal("first-aid", root.GetProperty("phase").GetString());
        Assert.Equal("2026-11-02", root.GetProperty("phaseSince").GetString());
        Assert.Equal("2026-11-09", root.GetProperty("nextReview").GetString());
        Assert.Equal("both-legs", root.GetProperty("heelDrops").GetString());
        Assert.Equal(AssessmentResult.Notice, root.GetProperty("notice").GetString());
        Assert.Equal(state.Reasons, root.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void Today_lists_each_task_as_id_title_and_details()
    {
        var state = ProgrammeLog.Injured().On(1);

        using var json = Serialize(state);

        var today = json.RootElement.GetProperty("today").EnumerateArray().ToList();
        Assert.Equal(state.Today.Count, today.Count);
        Assert.All(today.Zip(state.Today), pair =>
        {
            var (element, task) = pair;
            Assert.Equal(["id", "title", "details"], element.EnumerateObject().Select(p => p.Name));
            Assert.Equal(task.Id, element.GetProperty("id").GetString());
            Assert.Equal(task.Title, element.GetProperty("title").GetString());
            Assert.Equal(task.Details, element.GetProperty("details").GetString());
        });
        Assert.Contains(today, t => t.GetProperty("id").GetString() == "ice");
    }

    [Fact]
    public void The_week_is_seven_dated_days_of_tasks_from_the_as_of_date()
    {
        var state = ProgrammeLog.Running(preInjuryKm: 40).On(9);

        using var json = Serialize(state);

        var week = json.RootElement.GetProperty("week").EnumerateArray().ToList();
        Assert.Equal(7, week.Count);
        Assert.Equal(Enumerable.Range(9, 7).Select(d => ProgrammeLog.Day(d).ToString("yyyy-MM-dd", null)), week.Select(d => d.GetProperty("date").GetString()));
        Assert.All(week, day => Assert.Equal(["date", "tasks"], day.EnumerateObject().Select(p => p.Name)));
        Assert.Contains(week[0].GetProperty("tasks").EnumerateArray(), t => t.GetProperty("id").GetString() == ExerciseNames.WalkRun);
        Assert.DoesNotContain(week[1].GetProperty("tasks").EnumerateArray(), t => t.GetProperty("id").GetString() == ExerciseNames.WalkRun);
        Assert.Equal(state.Week[3].Tasks.Select(t => t.Id), week[3].GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
    }

    [Fact]
    public void Running_shows_the_one_based_ladder_stage_and_the_weekly_cap_to_a_tenth()
    {
        var state = ProgrammeLog.Running(preInjuryKm: 37.3).On(9);
        Assert.Equal(0, state.LadderStage);

        using var json = Serialize(state);

        var root = json.RootElement;
        Assert.Equal("return-to-run", root.GetProperty("phase").GetString());
        Assert.Equal(1, root.GetProperty("walkRunStage").GetInt32());
        Assert.Equal(Math.Round(state.WeeklyRunningCapKm!.Value, 1), root.GetProperty("weeklyRunningCapKm").GetDouble());
        Assert.Equal(11.2, root.GetProperty("weeklyRunningCapKm").GetDouble()); // 30 % of 37.3 km
    }

    [Theory]
    [InlineData(Disposition.SeeClinician, "see-clinician")]
    [InlineData(Disposition.Urgent, "urgent")]
    [InlineData(Disposition.Emergency, "emergency")]
    public void A_raised_disposition_is_written_as_its_wire_word_and_headline(Disposition disposition, string wire)
    {
        using var json = Serialize(new ProgrammeLog(startsAs: disposition).On(0));

        Assert.Equal(wire, json.RootElement.GetProperty("disposition").GetString());
        Assert.Equal(disposition.Headline(), json.RootElement.GetProperty("headline").GetString());
    }

    [Fact]
    public void Stronger_heel_drops_are_written_as_their_wire_words()
    {
        var log = ProgrammeLog.Strengthening().Quiet(5, 7).HeelDrops(4, pain: 2).HeelDrops(5, pain: 2);

        using var json = Serialize(log.On(6));

        Assert.Equal("added-weight", json.RootElement.GetProperty("heelDrops").GetString());
    }
}
