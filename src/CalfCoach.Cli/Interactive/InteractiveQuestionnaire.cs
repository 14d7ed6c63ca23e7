using CalfCoach.Core.Assessment;

namespace CalfCoach.Cli.Interactive;

/// <summary>The answers gathered, and whether questioning stopped early on an emergency sign.</summary>
public sealed record QuestionnaireOutcome(RunnerAnswers Answers, bool StoppedEarly);

/// <summary>
/// Asks the questions in <see cref="Questionnaire"/> order, emergency signs first. As soon as the
/// signs answered "yes" already mean an emergency, it stops asking: nothing answered later could
/// lower the disposition, and every extra question delays the call for help.
/// </summary>
public static class InteractiveQuestionnaire
{
    public static QuestionnaireOutcome Run(IAnswerPrompter prompter)
    {
        ArgumentNullException.ThrowIfNull(prompter);
        prompter.Say("[bold]CalfCoach calf-pain check.[/] Answer each question y or n. [dim]This is not a diagnosis.[/]");

        var yes = new HashSet<Symptom>();
        foreach (var group in Questionnaire.Groups)
        {
            prompter.Section(group.Title);
            foreach (var question in group.Questions)
            {
                if (!prompter.AskYesNo(question.Text))
                {
                    continue;
                }

                yes.Add(question.Symptom);
                if (Triage.IsEmergencyAlready(yes))
                {
                    return new QuestionnaireOutcome(new RunnerAnswers(yes, 0, 0), StoppedEarly: true);
                }
            }
        }

        prompter.Section("Timing");
        var daysSinceOnset = prompter.AskWholeNumber("How many days ago did the pain start? (0 = today)", 0, 3650);
        var daysOfHomeCare = prompter.AskWholeNumber("For how many of those days have you rested it and cared for it at home?", 0, daysSinceOnset);

        prompter.Section("About the pain");
        var painScore = prompter.AskOptionalWholeNumber("How bad is the pain now, from 0 (none) to 10 (worst imaginable)?", 0, PainScore.Max);
        var side = prompter.AskOptionalChoice<Side>("Which calf?", [new("left", Side.Left), new("right", Side.Right), new("both", Side.Both)]);
        var onset = prompter.AskOptionalChoice<Onset>("Did it come on suddenly or gradually?", [new("sudden", Onset.Sudden), new("gradual", Onset.Gradual)]);
        var afterInjury = prompter.AskOptionalYesNo("Did it follow a knock, a fall, a twist or a hard push-off?");
        var crampDuringRun = prompter.AskOptionalYesNo("Did it start as a cramp during a run?");

        prompter.Section("About you");
        var diabetes = prompter.AskOptionalYesNo("Do you have diabetes, or a condition or treatment that weakens your immune system?");
        var dvt = prompter.AskMany("Do any of these apply to you?",
            Enum.GetValues<DvtRiskFactor>().Select(f => new Choice<DvtRiskFactor>(f.Describe(), f)).ToArray());

        prompter.Section("Recent training");
        var changes = prompter.AskMany("Which of these changed in the weeks before the pain?",
            Enum.GetValues<RecentChange>().Select(c => new Choice<RecentChange>(c.Describe(), c)).ToArray());

        var answers = new RunnerAnswers(yes, daysSinceOnset, daysOfHomeCare)
        {
            PainScore = painScore is { } p ? new PainScore(p) : null,
            Side = side,
            Onset = onset,
            AfterInjury = afterInjury,
            CrampDuringRun = crampDuringRun,
            DiabetesOrImmunosuppressed = diabetes,
            DvtRiskFactors = dvt.ToHashSet(),
            RecentChanges = changes.ToHashSet(),
        };
        return new QuestionnaireOutcome(answers, StoppedEarly: false);
    }
}
