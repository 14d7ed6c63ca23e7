using System.Text.Json.Nodes;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.InteractiveText;

namespace CalfCoach.Cli.Interactive;

/// <summary>The answers gathered, and whether questioning stopped early on an emergency sign.</summary>
public sealed record QuestionnaireOutcome(RunnerAnswers Answers, bool StoppedEarly);

/// <summary>
/// Asks the questions in <see cref="Questionnaire"/> order (version 2), emergency signs first, each follow-up right
/// after its sign is answered "yes". As soon as the signs answered "yes" already mean an emergency, it stops asking:
/// nothing answered later could lower the disposition, and every extra question delays the call for help. The answers
/// become the answers object and are read by <see cref="AnswersJsonReader"/>, as the web page and the API read them.
/// </summary>
public static class InteractiveQuestionnaire
{
    public static QuestionnaireOutcome Run(IAnswerPrompter prompter)
    {
        ArgumentNullException.ThrowIfNull(prompter);
        prompter.Say($"[bold]{Markup.Escape(Words.IntroTitle)}[/] {Markup.Escape(Words.IntroAnswer)} [dim]{Markup.Escape(Words.IntroNotADiagnosis)}[/]");

        var json = new JsonObject { [Questionnaire.VersionKey] = Questionnaire.CurrentVersion };
        var yes = new HashSet<Symptom>();
        foreach (var group in Questionnaire.Groups)
        {
            prompter.Section(group.Title);
            foreach (var question in group.Questions)
            {
                var answer = prompter.AskYesNo(question.Text);
                json[question.Key] = answer;
                if (!answer)
                {
                    continue;
                }

                yes.Add(question.Symptom);
                if (Triage.IsEmergencyAlready(yes))
                {
                    return new QuestionnaireOutcome(new RunnerAnswers(yes, 0, 0), StoppedEarly: true);
                }

                foreach (var detail in Questionnaire.DetailsOf(question.Symptom).Where(d => !json.ContainsKey(d.Key)))
                {
                    json[detail.Key] = prompter.AskOneOf(detail.Text, detail.Choices.Select(c => new Choice<string>(c.Label, c.Value)).ToArray());
                }
            }
        }

        prompter.Section(Words.Timing);
        var daysSinceOnset = prompter.AskWholeNumber(Words.DaysSinceOnset, 0, 3650);
        json[Questionnaire.DaysSinceOnsetKey] = daysSinceOnset;
        json[Questionnaire.DaysOfHomeCareKey] = prompter.AskWholeNumber(Words.DaysOfHomeCare, 0, daysSinceOnset);

        prompter.Section(Words.AboutThePain);
        if (prompter.AskOptionalWholeNumber(Words.PainScore, 0, PainScore.Max) is { } pain)
        {
            json[Questionnaire.PainScoreKey] = pain;
        }

        json[Questionnaire.PainLocationKey] = prompter.AskOneOf(Words.PainLocation,
            Questionnaire.PainLocationChoices.Select(c => new Choice<string>(c.Label, c.Value)).ToArray());
        Optional(json, Questionnaire.SideKey, prompter.AskOptionalChoice<Side>(Words.Side, [new("left", Side.Left), new("right", Side.Right), new("both", Side.Both)]) switch
        {
            Side.Left => "left",
            Side.Right => "right",
            Side.Both => "both",
            _ => null,
        });
        Optional(json, Questionnaire.OnsetKey, prompter.AskOptionalChoice<Onset>(Words.Onset, [new("sudden", Onset.Sudden), new("gradual", Onset.Gradual)]) switch
        {
            Onset.Sudden => "sudden",
            Onset.Gradual => "gradual",
            _ => null,
        });
        Optional(json, Questionnaire.AfterInjuryKey, prompter.AskOptionalYesNo(Words.AfterInjury));
        Optional(json, Questionnaire.CrampDuringRunKey, prompter.AskOptionalYesNo(Words.CrampDuringRun));

        prompter.Section(Words.AboutYou);
        Optional(json, Questionnaire.DiabetesOrImmunosuppressedKey, prompter.AskOptionalYesNo(Words.DiabetesOrImmunosuppressed));
        json[Questionnaire.MedicinesKey] = List(prompter.AskMany(Words.Medicines,
            Questionnaire.MedicineChoices.Select(c => new Choice<string>(c.Label, c.Value)).ToArray()));
        json[Questionnaire.DvtRiskFactorsKey] = List(prompter.AskMany(Words.DvtRiskFactors,
            Enum.GetValues<DvtRiskFactor>().Select(f => new Choice<string>(f.Describe(), f.Id())).ToArray()));

        prompter.Section(Words.RecentTraining);
        json[Questionnaire.RecentChangesKey] = List(prompter.AskMany(Words.RecentChanges,
            Enum.GetValues<RecentChange>().Select(c => new Choice<string>(c.Describe(), c.Id())).ToArray()));

        var read = AnswersJsonReader.Read(json.ToJsonString());
        var answers = read.Answers
            ?? throw new InvalidOperationException("The questionnaire built answers its own reader refused: " + string.Join("; ", read.Errors));
        return new QuestionnaireOutcome(answers, StoppedEarly: false);
    }

    private static void Optional(JsonObject json, string key, string? value)
    {
        if (value is not null)
        {
            json[key] = value;
        }
    }

    private static void Optional(JsonObject json, string key, bool? value)
    {
        if (value is { } answer)
        {
            json[key] = answer;
        }
    }

    private static JsonArray List(IReadOnlyList<string> ids) => new([.. ids.Select(id => JsonValue.Create(id))]);
}
