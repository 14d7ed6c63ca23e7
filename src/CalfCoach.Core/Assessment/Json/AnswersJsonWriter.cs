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
            foreach (var question in Questionnaire.SymptomQuestions)
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
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string WireName<T>(Dictionary<string, T> byWire, T value)
        where T : struct => byWire.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;

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
