using System.Text;
using System.Text.Json;

namespace CalfCoach.Core.Assessment.Json;

/// <summary>
/// Writes answers in the contract <see cref="AnswersJsonReader"/> reads, with every key present, so a
/// stored answer set (an interactive session, a web form) reads back to the same answers.
/// </summary>
public static class AnswersJsonWriter
{
    public static string Write(RunnerAnswers answers, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(answers);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            if (answers.Version > Questionnaire.FirstVersion)
            {
                json.WriteNumber(Questionnaire.VersionKey, answers.Version);
            }

            // A version-1 set is written as it was given: the signs it was never asked stay absent.
            foreach (var question in Questionnaire.SymptomQuestions.Where(q => q.SinceVersion <= answers.Version))
            {
                json.WriteBoolean(question.Key, answers.Has(question.Symptom));
            }

            json.WriteNumber(Questionnaire.DaysSinceOnsetKey, answers.DaysSinceOnset);
            json.WriteNumber(Questionnaire.DaysOfHomeCareKey, answers.DaysOfHomeCare);
            if (answers.PainScore is { } pain)
            {
                json.WriteNumber(Questionnaire.PainScoreKey, pain.Value);
            }

            if (answers.Side is { } side)
            {
                json.WriteString(Questionnaire.SideKey, WireName(AnswersJsonReader.SideByWire, side));
            }

            if (answers.Onset is { } onset)
            {
                json.WriteString(Questionnaire.OnsetKey, WireName(AnswersJsonReader.OnsetByWire, onset));
            }

            WriteOptional(json, Questionnaire.AfterInjuryKey, answers.AfterInjury);
            WriteOptional(json, Questionnaire.CrampDuringRunKey, answers.CrampDuringRun);
            WriteOptional(json, Questionnaire.DiabetesOrImmunosuppressedKey, answers.DiabetesOrImmunosuppressed);
            WriteList(json, Questionnaire.DvtRiskFactorsKey, answers.DvtRiskFactors.Order().Select(f => f.Id()));
            WriteList(json, Questionnaire.RecentChangesKey, answers.RecentChanges.Order().Select(c => c.Id()));
            if (answers.Version > Questionnaire.FirstVersion)
            {
                WriteDetail(json, answers, Questionnaire.RestPainKey, answers.RestPain, SignDetailText.Id);
                WriteDetail(json, answers, Questionnaire.NumbnessKey, answers.Numbness, SignDetailText.Id);
                WriteDetail(json, answers, Questionnaire.SwellingExtentKey, answers.SwellingExtent, SignDetailText.Id);
                WriteDetail(json, answers, Questionnaire.SwellingCauseKey, answers.SwellingCause, SignDetailText.Id);
                WriteDetail(json, answers, Questionnaire.RecurringEasesKey, answers.RecurringEases, SignDetailText.Id);
                WriteDetail(json, answers, Questionnaire.SkinPatchKey, answers.SkinPatch, SignDetailText.Id);
                WriteDetail(json, answers, Questionnaire.FootWeakOnsetKey, answers.FootWeakOnset, SignDetailText.Id);
                WriteDetail(json, answers, Questionnaire.WoundAftermathKey, answers.WoundAftermath, SignDetailText.Id);
                json.WriteString(Questionnaire.PainLocationKey, answers.Location is { } location ? location.Id() : Questionnaire.NotSure);
                WriteList(json, Questionnaire.MedicinesKey, answers.Medicines.Order().Select(m => m.Id()));
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string WireName<T>(Dictionary<string, T> byWire, T value)
        where T : struct => byWire.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;

    /// <summary>
    /// A follow-up is written when its gateway is "yes": the value given, or, where none was (answers built in code),
    /// the most worrying choice, which is what the rules read a missing follow-up as.
    /// </summary>
    private static void WriteDetail<T>(Utf8JsonWriter json, RunnerAnswers answers, string key, T? value, Func<T, string> id)
        where T : struct
    {
        var question = Questionnaire.Details.Single(d => d.Key == key);
        if (question.IsAskedFor(answers.Present))
        {
            json.WriteString(key, value is { } chosen ? id(chosen) : question.Choices[0].Value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string key, bool? value)
    {
        if (value is { } flag)
        {
            json.WriteBoolean(key, flag);
        }
    }

    private static void WriteList(Utf8JsonWriter json, string key, IEnumerable<string> ids)
    {
        json.WriteStartArray(key);
        foreach (var id in ids)
        {
            json.WriteStringValue(id);
        }

        json.WriteEndArray();
    }
}
