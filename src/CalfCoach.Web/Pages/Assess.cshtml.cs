using System.Text.Json.Nodes;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;
using CalfCoach.Web.Resources;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages;

/// <summary>
/// The assessment as a short sequence of screens: one per <see cref="Questionnaire.Groups"/> group (emergency signs first,
/// as in the CLI), then the timing and background, then the result. The answers travel in the form; the finished set is
/// turned into the answers object and read by <see cref="AnswersJsonReader"/>, exactly as <c>POST /api/assessments</c> reads it.
/// As soon as the signs answered "yes" mean an emergency, the questions stop and the emergency instructions show.
/// </summary>
public sealed class AssessModel(RunnerData data) : PageModel
{
    public const string YesField = "yes";
    public const string StepField = "step";

    private static readonly HashSet<string> SymptomKeys = [.. Questionnaire.SymptomQuestions.Select(q => q.Key)];

    public static IReadOnlyList<QuestionGroup> Groups => Questionnaire.Groups;

    /// <summary>0 … Groups.Count − 1: a group of warning signs; Groups.Count: timing and background.</summary>
    public int Step { get; private set; }

    public static int DetailsStep => Groups.Count;

    public static int StepCount => Groups.Count + 1;

    public IReadOnlySet<string> Yes { get; private set; } = new HashSet<string>();

    public AssessmentResult? Result { get; private set; }

    public bool StoppedEarly { get; private set; }

    /// <summary>The complete answers object of a finished assessment, for the report with this plan.</summary>
    public string? AnswersJson { get; private set; }

    public IReadOnlyList<AnswerError> Errors { get; private set; } = [];

    public IFormCollection? Posted { get; private set; }

    public DateOnly Today => data.Today;

    /// <summary>True when this sign alone means an emergency: the page shows the instructions the moment it is ticked.</summary>
    public static bool IsEmergencySign(Symptom symptom) => Triage.IsEmergencyAlready(new HashSet<Symptom> { symptom });

    /// <summary>What to do now for an emergency sign on its own (the engine's own instructions).</summary>
    public IReadOnlyList<AdviceLine> EmergencyDoNow(Symptom symptom) =>
        Assessor.Assess(new RunnerAnswers(new HashSet<Symptom> { symptom }, 0, 0), data.Today, [], data.EmergencyServices).DoNow;

    public void OnGet() => Step = 0;

    public IActionResult OnPost()
    {
        Posted = Request.Form;
        Yes = Request.Form[YesField].Where(k => k is not null && SymptomKeys.Contains(k)).Select(k => k!).ToHashSet(StringComparer.Ordinal);
        var step = int.TryParse(Request.Form[StepField], out var s) ? Math.Clamp(s, 0, DetailsStep) : 0;

        var present = Questionnaire.SymptomQuestions.Where(q => Yes.Contains(q.Key)).Select(q => q.Symptom).ToHashSet();
        if (step < DetailsStep && Triage.IsEmergencyAlready(present))
        {
            // As the CLI does: nothing answered later could lower the disposition, so stop asking.
            Result = data.Assess(new RunnerAnswers(present, 0, 0), data.Today, stoppedEarly: true);
            StoppedEarly = true;
            return Page();
        }

        if (Request.Form.ContainsKey("back"))
        {
            Step = Math.Max(0, step - 1);
            return Page();
        }

        if (step < DetailsStep)
        {
            // A gateway ticked on this screen whose follow-up is not chosen yet: the same screen again, with the
            // follow-up shown (scripts show it inline as the box is ticked; without them this is where it appears).
            var missing = MissingFollowUps(Groups[step], Yes, Request.Form);
            if (missing.Count > 0)
            {
                Step = step;
                Errors = missing;
                return Page();
            }

            Step = step + 1;
            return Page();
        }

        var answers = AnswersObject(Yes, Request.Form);
        var read = AnswersJsonReader.Read(answers);
        if (read.Answers is not { } valid)
        {
            Step = DetailsStep;
            Errors = read.Errors;
            return Page();
        }

        Result = data.Assess(valid, data.Today);
        AnswersJson = answers;
        return Page();
    }

    /// <summary>
    /// The details step's answers, carried as hidden fields through the sign screens, so going back from the details
    /// and forward again keeps what was typed there.
    /// </summary>
    public IEnumerable<(string Key, string Value)> CarriedDetails() =>
        Posted is null
            ? []
            : DetailKeys.SelectMany(key => Posted[key].Where(v => !string.IsNullOrEmpty(v)).Select(v => (key, v!)));

    private static readonly string[] DetailKeys =
    [
        Questionnaire.DaysSinceOnsetKey, Questionnaire.DaysOfHomeCareKey, Questionnaire.PainScoreKey, Questionnaire.SideKey,
        Questionnaire.OnsetKey, Questionnaire.AfterInjuryKey, Questionnaire.CrampDuringRunKey, Questionnaire.DiabetesOrImmunosuppressedKey,
        Questionnaire.DvtRiskFactorsKey, Questionnaire.RecentChangesKey, Questionnaire.PainLocationKey, Questionnaire.MedicinesKey,
    ];

    /// <summary>The follow-ups shown on a screen: each after the last of its gateway signs on that screen.</summary>
    public static IReadOnlyList<DetailQuestion> FollowUpsAfter(QuestionGroup group, SymptomQuestion question) =>
        Questionnaire.Details.Where(d => d.Gateways.Contains(question.Symptom)
            && group.Questions.Last(q => d.Gateways.Contains(q.Symptom)) == question).ToArray();

    /// <summary>The follow-ups carried from other screens as hidden fields (their gateways are not on this one).</summary>
    public IEnumerable<(string Key, string Value)> CarriedFollowUps(QuestionGroup? onScreen) =>
        Posted is null
            ? []
            : Questionnaire.Details
                .Where(d => onScreen is null || !d.Gateways.Any(g => onScreen.Questions.Any(q => q.Symptom == g)))
                .SelectMany(d => Posted[d.Key].Where(v => !string.IsNullOrEmpty(v)).Select(v => (d.Key, v!)));

    /// <summary>True when the follow-up is asked: one of its gateways is ticked.</summary>
    public bool IsAsked(DetailQuestion detail) => detail.Gateways.Any(g => Yes.Contains(Questionnaire.For(g).Key));

    private static List<AnswerError> MissingFollowUps(QuestionGroup group, IReadOnlySet<string> yes, IFormCollection form) =>
        Questionnaire.Details
            .Where(d => d.Gateways.Any(g => group.Questions.Any(q => q.Symptom == g) && yes.Contains(Questionnaire.For(g).Key)))
            .Where(d => !d.Choices.Any(c => form[d.Key].Contains(c.Value)))
            .Select(d => new AnswerError(d.Key, AssessPageText.FollowUpMissing(d.Text)))
            .ToList();

    public string? ErrorFor(string key) => Errors.FirstOrDefault(e => e.Key == key)?.Message;

    public string Value(string key) => Posted?[key].ToString() ?? string.Empty;

    public bool Chosen(string key, string value) => Posted?[key].Contains(value) == true;

    /// <summary>The answers object (the <c>assess --answers</c> contract) from the ticked signs and the details form.</summary>
    internal static string AnswersObject(IReadOnlySet<string> yes, IFormCollection form)
    {
        var json = new JsonObject { [Questionnaire.VersionKey] = Questionnaire.CurrentVersion };
        foreach (var question in Questionnaire.SymptomQuestions)
        {
            json[question.Key] = yes.Contains(question.Key);
        }

        // A follow-up is sent only where one of its gateways is ticked; a missing one is named by the reader.
        foreach (var detail in Questionnaire.Details.Where(d => d.Gateways.Any(g => yes.Contains(Questionnaire.For(g).Key))))
        {
            if (form[detail.Key].ToString() is { Length: > 0 } chosen)
            {
                json[detail.Key] = chosen;
            }
        }

        json[Questionnaire.PainLocationKey] = form[Questionnaire.PainLocationKey].ToString() is { Length: > 0 } where ? where : Questionnaire.NotSure;
        json[Questionnaire.MedicinesKey] = new JsonArray([.. form[Questionnaire.MedicinesKey].Where(v => !string.IsNullOrEmpty(v)).Select(v => JsonValue.Create(v))]);

        foreach (var key in new[] { Questionnaire.DaysSinceOnsetKey, Questionnaire.DaysOfHomeCareKey, Questionnaire.PainScoreKey })
        {
            var text = form[key].ToString().Trim();
            if (text.Length > 0)
            {
                // Not a number: passed on as text, so the reader's message names the key.
                json[key] = int.TryParse(text, out var number) ? JsonValue.Create(number) : JsonValue.Create(text);
            }
        }

        foreach (var key in new[] { Questionnaire.SideKey, Questionnaire.OnsetKey })
        {
            if (form[key].ToString() is { Length: > 0 } choice && choice != "unsure")
            {
                json[key] = choice;
            }
        }

        foreach (var key in new[] { Questionnaire.AfterInjuryKey, Questionnaire.CrampDuringRunKey, Questionnaire.DiabetesOrImmunosuppressedKey })
        {
            switch (form[key].ToString())
            {
                case "yes":
                    json[key] = true;
                    break;
                case "no":
                    json[key] = false;
                    break;
            }
        }

        foreach (var key in new[] { Questionnaire.DvtRiskFactorsKey, Questionnaire.RecentChangesKey })
        {
            json[key] = new JsonArray([.. form[key].Where(v => !string.IsNullOrEmpty(v)).Select(v => JsonValue.Create(v))]);
        }

        return json.ToJsonString();
    }
}
