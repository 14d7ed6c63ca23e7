using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary>
/// assess --db, log pain/exercise/red-flags and plan, replayed on past dates through the CLI: the contract of
/// issue 5 (a programme that advances, holds, steps back and escalates from check-ins).
/// </summary>
public sealed class PlanCommandTests : IDisposable
{
    private static readonly DateOnly Day0 = new(2026, 11, 2);

    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-plan-").FullName;

    private string Db => Path.Combine(_root, "journal.db");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Day(int n) => Day0.AddDays(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The bundled example answers with no warning signs, changed as given; written to a file.</summary>
    private string Answers(int daysSinceOnset, int daysOfHomeCare, params string[] yes)
    {
        var answers = JsonNode.Parse(File.ReadAllText(CliHarness.Example("answers-overload.json")))!.AsObject();
        answers["daysSinceOnset"] = daysSinceOnset;
        answers["daysOfHomeCare"] = daysOfHomeCare;
        foreach (var key in yes)
        {
            Assert.True(answers.ContainsKey(key), key);
            answers[key] = true;
        }

        var path = Path.Combine(_root, $"answers-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, answers.ToJsonString());
        return path;
    }

    private async Task<CliHarness.Run> Ok(params string[] args)
    {
        var run = await CliHarness.RunAsync([.. args, "--db", Db]);
        Assert.True(run.ExitCode == 0, $"calfcoach {string.Join(' ', args)} → {run.ExitCode}: {run.Error}");
        return run;
    }

    private async Task Start(params string[] yes) =>
        await Ok("assess", "--answers", Answers(0, 0, yes), "--as-of", Day(0), "--json");

    private async Task<JsonElement> Plan(int day) => (await Ok("plan", "--json", "--as-of", Day(day))).Json;

    private Task<CliHarness.Run> Morning(int day, int score) => Ok("log", "pain", score.ToString(CultureInfo.InvariantCulture), "--morning", "--as-of", Day(day));

    private Task<CliHarness.Run> Walking(int day, int score) => Ok("log", "pain", score.ToString(CultureInfo.InvariantCulture), "--as-of", Day(day));

    [Fact]
    public async Task Logging_an_exercise_the_programme_does_not_know_is_refused_with_the_valid_names_and_nothing_is_stored()
    {
        await Start();

        var banana = await CliHarness.RunAsync("log", "exercise", "banana", "--sets", "3", "--reps", "12", "--db", Db);
        var typo = await CliHarness.RunAsync("log", "exercise", "heel-drop-straight-knee", "--sets", "3", "--reps", "12", "--db", Db);

        Assert.Equal(2, banana.ExitCode);
        Assert.Contains("\"banana\" is not one the programme knows", banana.Error, StringComparison.Ordinal);
        Assert.Contains("heel-drops-straight-knee, heel-drops-bent-knee", banana.Error, StringComparison.Ordinal);
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("Did you mean \"heel-drops-straight-knee\"?", typo.Error, StringComparison.Ordinal);
        var accepted = await Ok("log", "exercise", "Walk-Run", "--sets", "6", "--reps", "1", "--as-of", Day(0));
        Assert.Contains("Logged Walk–run session: 6 × 1", accepted.Out, StringComparison.Ordinal);
    }

    private static string Phase(JsonElement plan) => plan.GetProperty("phase").GetString()!;

    private static string Disposition(JsonElement plan) => plan.GetProperty("disposition").GetString()!;

    private static string[] TodayIds(JsonElement plan) =>
        [.. plan.GetProperty("today").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];

    [Fact]
    public async Task One_assessment_has_one_review_date_in_assess_plan_and_the_report_which_includes_the_programme()
    {
        var assess = await CliHarness.RunAsync("assess", "--answers", Answers(0, 0), "--as-of", Day(0), "--db", Db);
        var plan = await CliHarness.RunAsync("plan", "--as-of", Day(0), "--db", Db);
        var file = Path.Combine(_root, "report.html");
        var report = await CliHarness.RunAsync("report", "--out", file, "--as-of", Day(0), "--db", Db);

        Assert.Equal(0, report.ExitCode);
        var html = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.Contains($"Review on {Day(7)}.", assess.Out, StringComparison.Ordinal);
        Assert.Contains($"next review {Day(7)}", plan.Out, StringComparison.Ordinal);
        Assert.DoesNotContain($"review {Day(3)}", assess.Out + plan.Out, StringComparison.OrdinalIgnoreCase); // the end of first aid is no second review date
        Assert.DoesNotContain($"review on {Day(3)}", assess.Out + plan.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Your recovery programme", html, StringComparison.Ordinal);
        Assert.Contains($"<dd id=\"next-review\"><time datetime=\"{Day(7)}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No assessment yet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Review on", html, StringComparison.Ordinal); // the programme's review is the only one
    }

    [Fact]
    public async Task Assess_with_a_database_starts_a_programme_that_plan_json_shows_in_the_contract()
    {
        var assess = await CliHarness.RunAsync("assess", "--answers", Answers(0, 0), "--as-of", Day(0), "--db", Db);

        Assert.Equal(0, assess.ExitCode);
        Assert.Contains($"a recovery programme starts on {Day(0)} (first aid)", assess.Out);
        var plan = await Plan(0);
        Assert.Equal("self-care", Disposition(plan));
        Assert.Equal("first-aid", Phase(plan));
        Assert.Equal(Day(7), plan.GetProperty("nextReview").GetString());
        Assert.Contains("ice", TodayIds(plan));
        Assert.All(plan.GetProperty("today").EnumerateArray(), t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("details").GetString()));
        });
        var week = plan.GetProperty("week").EnumerateArray().ToArray();
        Assert.Equal(7, week.Length);
        Assert.Equal(Day(6), week[^1].GetProperty("date").GetString());
        Assert.Contains("does not diagnose", plan.GetProperty("notice").GetString());
    }

    [Fact]
    public async Task Plan_table_shows_the_phase_today_and_the_week_ahead()
    {
        await Start();

        var run = await Ok("plan", "--as-of", Day(1));

        Assert.Contains("SELF-CARE", run.Out);
        Assert.Contains("Phase: first aid since " + Day(0), run.Out);
        Assert.Contains("Today, ", run.Out);
        Assert.Contains("Ice", run.Out);
        Assert.Contains("The week ahead", run.Out);
        Assert.Contains("does not diagnose", run.Out);
    }

    [Fact]
    public async Task Check_ins_move_the_programme_from_first_aid_to_the_walk_run_ladder_and_back_a_stage_on_pain()
    {
        await Start();
        await Morning(1, 3);
        await Morning(2, 3);
        Assert.Equal("first-aid", Phase(await Plan(2)));

        // Day 3 of home care with settled pain (≤ 3, not at rest): first aid is over.
        await Morning(3, 2);
        await Walking(3, 2);
        Assert.Equal("recovery", Phase(await Plan(3)));

        // A second recovery day with walking pain ≤ 2: heel drops start.
        await Walking(4, 1);
        var strengthening = await Plan(4);
        Assert.Equal("strengthening", Phase(strengthening));
        Assert.Equal("both-legs", strengthening.GetProperty("heelDrops").GetString());
        Assert.Contains("heel-drops", TodayIds(strengthening));

        // Heel drops with little pain, next morning no worse: up to one leg.
        await Ok("log", "exercise", "heel-drops-straight-knee", "--sets", "3", "--reps", "12", "--pain", "2", "--as-of", Day(5));
        await Morning(5, 1);
        await Walking(5, 1);
        await Morning(6, 1);
        Assert.Equal("one-leg", (await Plan(6)).GetProperty("heelDrops").GetString());

        // Seven pain-free days, 30 single-leg heel raises (32 on the other leg) and a knee-to-wall within 10 %: running starts.
        await Walking(6, 1);
        for (var d = 7; d <= 11; d++)
        {
            await Morning(d, 1);
            await Walking(d, 0);
        }

        Assert.Equal("strengthening", Phase(await Plan(10)));
        await Ok("log", "exercise", "single-leg-heel-raise", "--sets", "1", "--reps", "30", "--as-of", Day(11));
        await Ok("log", "exercise", "single-leg-heel-raise-other", "--sets", "1", "--reps", "32", "--as-of", Day(11));
        var waiting = await Plan(11);
        Assert.Equal("strengthening", Phase(waiting));
        Assert.Contains("wall lunge (ankle bend) not logged for both legs", waiting.GetProperty("reasons").EnumerateArray().Last().GetString());
        await Ok("log", "exercise", "knee-to-wall", "--sets", "1", "--reps", "10", "--as-of", Day(11));
        await Ok("log", "exercise", "knee-to-wall-other", "--sets", "1", "--reps", "11", "--as-of", Day(11));
        var running = await Plan(11);
        Assert.Equal("return-to-run", Phase(running));
        Assert.Equal(1, running.GetProperty("walkRunStage").GetInt32());
        Assert.Contains("walk-run", TodayIds(running));

        // Two good sessions (pain ≤ 2, settled next morning): stage 2.
        await Ok("log", "exercise", "walk-run", "--sets", "6", "--reps", "1", "--pain", "1", "--as-of", Day(11));
        await Morning(12, 1);
        await Ok("log", "exercise", "walk-run", "--sets", "6", "--reps", "1", "--pain", "1", "--as-of", Day(13));
        await Morning(14, 1);
        Assert.Equal(2, (await Plan(14)).GetProperty("walkRunStage").GetInt32());

        // A painful session (> 5/10): back to stage 1, and the reason says why.
        await Ok("log", "exercise", "walk-run", "--sets", "3", "--reps", "1", "--pain", "6", "--as-of", Day(14));
        await Morning(15, 1);
        var back = await Plan(15);
        Assert.Equal(1, back.GetProperty("walkRunStage").GetInt32());
        Assert.Contains(back.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("pain during was 6/10", StringComparison.Ordinal));

        // Replaying an earlier date ignores what came later.
        Assert.Equal("recovery", Phase(await Plan(3)));
    }

    [Fact]
    public async Task No_improvement_escalates_to_see_a_clinician_on_day_7_not_day_6_and_presses_harder_on_day_10()
    {
        await Start();
        for (var d = 1; d <= 10; d++)
        {
            await Morning(d, 4);
        }

        var day6 = await Plan(6);
        var day7 = await Plan(7);
        var day10 = await Plan(10);

        Assert.Equal("self-care", Disposition(day6));
        Assert.Equal("see-clinician", Disposition(day7));
        Assert.Contains("see-clinician", TodayIds(day7));
        Assert.DoesNotContain(day7.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("still no improvement", StringComparison.Ordinal));
        Assert.Contains(day10.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("still no improvement", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_red_flag_on_day_4_raises_the_advice_at_once_and_stops_the_coaching()
    {
        await Start();
        await Morning(3, 2);

        var check = await CliHarness.RunAsync("log", "red-flags", "--answers", Answers(4, 4, "swelling"), "--as-of", Day(4), "--db", Db);

        Assert.Equal(0, check.ExitCode);
        Assert.Contains("The advice has changed", check.Out);
        Assert.Contains("URGENT", check.Out);
        var plan = await Plan(4);
        Assert.Equal("urgent", Disposition(plan));
        Assert.Equal(["get-help"], TodayIds(plan));
        Assert.Equal("self-care", Disposition(await Plan(3)));
    }

    [Fact]
    public async Task Only_a_clinicians_clearance_brings_an_escalated_programme_back_to_self_care()
    {
        await Start();
        for (var d = 1; d <= 8; d++)
        {
            await Morning(d, 4);
        }

        var seen = await Ok("log", "clinician", "--note", "scan booked", "--as-of", Day(8));
        Assert.Equal("see-clinician", Disposition(await Plan(8)));

        var cleared = await Ok("log", "clinician", "--cleared-for-rehab", "--as-of", Day(9));

        Assert.Contains("not cleared for rehabilitation", seen.Out);
        Assert.Contains("The advice is now self-care", cleared.Out);
        var plan = await Plan(9);
        Assert.Equal("self-care", Disposition(plan));
        Assert.DoesNotContain("see-clinician", TodayIds(plan));
        Assert.Equal("see-clinician", Disposition(await Plan(8)));
    }

    [Fact]
    public async Task Re_assessing_the_same_pain_with_fewer_signs_never_lowers_the_advice()
    {
        await Ok("assess", "--answers", Answers(0, 0, "bruising"), "--as-of", Day(0));
        Assert.Equal("see-clinician", Disposition(await Plan(0)));

        var again = await Ok("assess", "--answers", Answers(2, 2), "--as-of", Day(2));

        Assert.Contains("is updated", again.Out);
        var plan = await Plan(2);
        Assert.Equal("see-clinician", Disposition(plan));
        Assert.Equal(Day(0), plan.GetProperty("startedOn").GetString());
    }

    [Fact]
    public async Task A_new_pain_with_another_onset_starts_a_new_programme()
    {
        await Start("bruising");

        await Ok("assess", "--answers", Answers(0, 0), "--as-of", Day(30));

        var plan = await Plan(30);
        Assert.Equal(Day(30), plan.GetProperty("startedOn").GetString());
        Assert.Equal("self-care", Disposition(plan));
        Assert.Equal("first-aid", Phase(plan));
    }

    [Fact]
    public async Task Log_json_prints_the_updated_plan()
    {
        await Start();

        var run = await Ok("log", "pain", "2", "--morning", "--as-of", Day(3), "--json");

        Assert.Equal("recovery", Phase(run.Json));
    }

    [Fact]
    public async Task Plan_ics_writes_a_calendar_of_the_week_ahead_in_the_chosen_zone()
    {
        await Start();
        var file = Path.Combine(_root, "plan.ics");

        var run = await Ok("plan", "--as-of", Day(0), "--ics", file, "--time-zone", "Europe/Berlin", "--at", "18:15");

        Assert.Contains("Calendar written to", run.Out);
        var calendar = Ical.Net.Calendar.Load(File.ReadAllText(file))!;
        Assert.Equal(8, calendar.Events.Count);
        var first = calendar.Events.OrderBy(e => e.DtStart!.Value).First();
        Assert.Equal("Europe/Berlin", first.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 11, 2, 18, 15, 0), first.DtStart.Value);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Berlin");
    }

    [Theory]
    [InlineData("log pain 3", "there is no recovery programme on 2026-11-02 yet")]
    [InlineData("plan", "there is no recovery programme on 2026-11-02 yet")]
    [InlineData("log exercise heel-drops-bent-knee --sets 3 --reps 12", "there is no recovery programme on 2026-11-02 yet")]
    public async Task Check_ins_and_plan_before_any_assessment_are_refused_with_what_to_do(string command, string message)
    {
        var run = await CliHarness.RunAsync([.. command.Split(' '), "--as-of", Day(0), "--db", Db]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Contains("calfcoach assess", run.Error);
    }

    [Theory]
    [InlineData("log pain 11", "SCORE must be a whole number from 0 to 10, not 11.")]
    [InlineData("log pain -1", "SCORE must be a whole number from 0 to 10")]
    [InlineData("log pain 3 --at-rest --morning", "choose --at-rest or --morning, not both")]
    [InlineData("log exercise heel-drops-straight-knee --sets -1 --reps 12", "--sets:")]
    [InlineData("log exercise heel-drops-straight-knee --sets 0 --reps 12", "--sets: The number of sets must be a whole number from 1 to 100, not 0.")]
    [InlineData("log exercise heel-drops-straight-knee --sets 3 --reps 12 --load 1e308", "--load: The added weight must be a number from 0 to 300 kg, not 1E+308.")]
    [InlineData("log exercise heel-drops-straight-knee --sets 3 --reps 12 --pain 12", "--pain:")]
    [InlineData("log exercise heel-drops-straight-knee --sets 3 --reps 12 --load -5", "--load:")]
    [InlineData("log exercise heel-drops-straight-knee --reps 12", "--sets")]
    [InlineData("log pain 3 --note \u0007bell", "--note: The note contains a control character")]
    [InlineData("plan --ics x.ics --time-zone Mars/Olympus", "--time-zone: unknown time zone \"Mars/Olympus\"")]
    [InlineData("plan --ics x.ics --at 7pm", "--at must be a time written HH:MM")]
    public async Task Bad_check_ins_are_refused_with_the_option_named_and_nothing_is_stored(string command, string message)
    {
        await Start();

        var run = await CliHarness.RunAsync([.. command.Split(' '), "--as-of", Day(3), "--db", Db]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Equal("first-aid", Phase(await Plan(3)));
    }
}
