using System.Text.Json.Nodes;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;

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
        prompter.Say("[bold]CalfCoach calf-pain check.[/] Answer each question y or n. [dim]This is not a diagnosis.[/]");

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

        prompter.Section("Timing");
        var daysSinceOnset = prompter.AskWholeNumber("How many days ago did the pain start? (0 = today)", 0, 3650);
        json[Questionnaire.DaysSinceOnsetKey] = daysSinceOnset;
        json[Questionnaire.DaysOfHomeCareKey] = prompter.AskWholeNumber("For how many of those days have you rested it and cared for it at home?", 0, daysSinceOnset);

        prompter.Section("About the pain");
        if (prompter.AskOptionalWholeNumber("How bad is the pain now, from 0 (none) to 10 (worst imaginable)?", 0, PainScore.Max) is { } pain)
        {
            json[Questionnaire.PainScoreKey] = pain;
        }

        json[Questionnaire.PainLocationKey] = prompter.AskOneOf("Where is the pain?",
            Questionnaire.PainLocationChoices.Select(c => new Choice<string>(c.Label, c.Value)).ToArray());
        Optional(json, Questionnaire.SideKey, prompter.AskOptionalChoice<Side>("Which calf?", [new("left", Side.Left), new("right", Side.Right), new("both", Side.Both)]) switch
        {
            Side.Left => "left",
            Side.Right => "right",
            Side.Both => "both",
            _ => null,
        });
        Optional(json, Questionnaire.OnsetKey, prompter.AskOptionalChoice<Onset>("Did it come on suddenly or gradually?", [new("sudden", Onset.Sudden), new("gradual", Onset.Gradual)]) switch
        {
            Onset.Sudden => "sudden",
            Onset.Gradual => "gradual",
            _ => null,
        });
        Optional(json, Questionnaire.AfterInjuryKey, prompter.AskOptionalYesNo("Did it follow a knock, a fall, a twist or a hard push-off?"));
        Optional(json, Questionnaire.CrampDuringRunKey, prompter.AskOptionalYesNo("Did it start as a cramp during a run?"));

        prompter.Section("About you");
        Optional(json, Questionnaire.DiabetesOrImmunosuppressedKey, prompter.AskOptionalYesNo("Do you have diabetes, or a condition or treatment that weakens your immune system?"));
        json[Questionnaire.MedicinesKey] = List(prompter.AskMany("Do you take any of these medicines (the antibiotic: in the last month)?",
            Questionnaire.MedicineChoices.Select(c => new Choice<string>(c.Label, c.Value)).ToArray()));
        json[Questionnaire.DvtRiskFactorsKey] = List(prompter.AskMany("Do any of these apply to you?",
            Enum.GetValues<DvtRiskFactor>().Select(f => new Choice<string>(f.Describe(), f.Id())).ToArray()));

        prompter.Section("Recent training");
        json[Questionnaire.RecentChangesKey] = List(prompter.AskMany("Which of these changed in the weeks before the pain?",
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
