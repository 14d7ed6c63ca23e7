using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Html;

namespace CalfCoach.Web.Resources;

/// <summary>
/// Every word of the plan page (the tasks, phases and reasons come from the core), from <c>PlanPageText.resx</c>: a translation is a <c>PlanPageText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). A key ending in <c>Html</c> holds markup of our own and is written
/// unencoded; the values put into its placeholders are encoded.
/// </summary>
public static class PlanPageText
{
    private static readonly ResourceManager Strings = new(typeof(PlanPageText));

    public static string PageTitle => Get();

    public static string Heading => Get();

    public static string SavedIncluded(string saved) => Format(nameof(SavedIncluded), saved);

    public static string NoPlanHeading => Get();

    public static string NoPlanIntro => Get();

    public static string CheckMyCalf => Get();

    public static string Phase => Get();

    public static string PhaseSince(string phase, string since) => Format(nameof(PhaseSince), phase, since);

    public static string Started => Get();

    public static string StartedOn(string started, string onset) => Format(nameof(StartedOn), started, onset);

    public static string NextReview => Get();

    public static string CadenceTarget => Get();

    public static string StepsPerMinute(int stepsPerMinute) => Format(nameof(StepsPerMinute), stepsPerMinute);

    public static string RunningCap => Get();

    public static string Kilometres(string kilometres) => Format(nameof(Kilometres), kilometres);

    public static string ReasonsHeading => Get();

    public static string TodayHeading => Get();

    public static string Why => Get();

    public static string WhyHidden(string topic) => Format(nameof(WhyHidden), topic);

    public static string MetronomeLink => Get();

    public static string CalendarLink => Get();

    public static string LogPainHeading => Get();

    public static string PainLabel => Get();

    public static string WhenLegend => Get();

    public static string WhenActive => Get();

    public static string WhenRest => Get();

    public static string WhenMorning => Get();

    public static string NoteLabel => Get();

    public static string LogPainButton => Get();

    public static string LogExerciseHeading => Get();

    public static string ExerciseLabel => Get();

    public static string SetsLabel => Get();

    public static string RepsLabel => Get();

    public static string LoadLabel => Get();

    public static string ExercisePainLabel => Get();

    public static string LogExerciseButton => Get();

    public static string ClinicianHeading => Get();

    public static HtmlString ClinicianHintHtml => new(Get());

    public static string ClearedLabel => Get();

    public static string ClinicianNoteLabel => Get();

    public static string ClinicianButton => Get();

    public static string WeekHeading => Get();

    public static string WeekHint => Get();

    public static string PainScoreMissing => Get();

    public static string LoggedPain(int score) => Format(nameof(LoggedPain), score);

    public static string SetsMissing => Get();

    public static string LoggedExercise(string exercise, int sets, int reps) => Format(nameof(LoggedExercise), exercise, sets, reps);

    public static string RecordedClearance => Get();

    public static string RecordedVisit => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    public static string SharedToRead => Get();

    public static string SharedToReview => Get();

    public static string SharedHeading(string email) => Format(nameof(SharedHeading), email);

    public static string BackToRunners => Get();

    public static string SharedClinicianHint => Get();

    public static string SharedNoPlan => Get();

    public static string SharedClinicianHeading => Get();

    public static string SharedClearedLabel => Get();

    public static string SharedNoteLabel => Get();

    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in PlanPageText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
