using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach log</c> and its check-ins (what changed in the programme is <see cref="PlanViewText"/>'s),
/// from <c>LogText.resx</c>: a translation is a <c>LogText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). The texts are plain: callers escape them before adding Spectre
/// markup around them.
/// </summary>
public static class LogText
{
    private static readonly ResourceManager Strings = new(typeof(LogText));

    public static string CommandHelp => Get();

    public static string PainHelp => Get();

    public static string ScoreHelp => Get();

    public static string ScoreOutOfRange(int score) => Format(nameof(ScoreOutOfRange), score);

    public static string AtRestHelp => Get();

    public static string MorningHelp => Get();

    public static string PainNoteHelp => Get();

    public static string AtRestAndMorning => Get();

    public static string PainDuringActivity(int score, string date) => Format(nameof(PainDuringActivity), score, date);

    public static string PainAtRest(int score, string date) => Format(nameof(PainAtRest), score, date);

    public static string PainOnWaking(int score, string date) => Format(nameof(PainOnWaking), score, date);

    public static string ExerciseHelp => Get();

    public static string ExerciseNameHelp(string names, string heelRaiseTest, string walkRun) => Format(nameof(ExerciseNameHelp), names, heelRaiseTest, walkRun);

    public static string SetsHelp => Get();

    public static string RepsHelp => Get();

    public static string LoadHelp => Get();

    public static string ExercisePainHelp => Get();

    public static string Exercise(string exercise, int sets, int reps, string date) => Format(nameof(Exercise), exercise, sets, reps, date);

    public static string ExerciseWithLoad(string exercise, int sets, int reps, double kilograms, string date) => Format(nameof(ExerciseWithLoad), exercise, sets, reps, kilograms, date);

    public static string ExerciseWithPain(string exercise, int sets, int reps, int pain, string date) => Format(nameof(ExerciseWithPain), exercise, sets, reps, pain, date);

    public static string ExerciseWithLoadAndPain(string exercise, int sets, int reps, double kilograms, int pain, string date) => Format(nameof(ExerciseWithLoadAndPain), exercise, sets, reps, kilograms, pain, date);

    public static string RedFlagsHelp => Get();

    public static string RedFlagsAnswersHelp => Get();

    public static string RedFlagCheckOneSign(string date) => Format(nameof(RedFlagCheckOneSign), date);

    public static string RedFlagCheck(string date, int signs) => Format(nameof(RedFlagCheck), date, signs);

    public static string ClinicianHelp => Get();

    public static string ClearedHelp => Get();

    public static string ClinicianNoteHelp => Get();

    public static string Cleared(string date) => Format(nameof(Cleared), date);

    public static string Visit(string date) => Format(nameof(Visit), date);

    public static string SweatHelp => Get();

    public static string BeforeHelp => Get();

    public static string AfterHelp => Get();

    public static string DrankHelp => Get();

    public static string MinutesHelp => Get();

    public static string UrineHelp => Get();

    public static string NextRunHelp => Get();

    public static string SweatTest => Get();

    public static string SweatRate => Get();

    public static string LitresPerHour(double litres) => Format(nameof(LitresPerHour), litres);

    public static string BodyMassChange => Get();

    public static string Percent(double percent) => Format(nameof(Percent), percent);

    public static string ForARun(double minutes) => Format(nameof(ForARun), minutes);

    public static string Drink(double least, double most) => Format(nameof(Drink), least, most);

    public static string Afterwards => Get();

    public static string AfterwardsLitres(double litres) => Format(nameof(AfterwardsLitres), litres);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in LogText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
