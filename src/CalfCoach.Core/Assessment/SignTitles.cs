namespace CalfCoach.Core.Assessment;

/// <summary>Each warning sign as a few plain words, for a sentence about the runner ("New warning sign: calf swollen").</summary>
/// <remarks>The questions themselves (<see cref="Questionnaire"/>) are asked of the runner; these name the answer "yes" for someone else.</remarks>
public static class SignTitles
{
    public static string Of(Symptom symptom) => symptom switch
    {
        Symptom.ShortnessOfBreath => "short of breath",
        Symptom.ChestPain => "chest pain",
        Symptom.CoughingBlood => "coughing up blood",
        Symptom.FaintingOrCollapse => "fainted or collapsed",
        Symptom.ColdOrPaleFoot => "foot or leg cold, pale or blue",
        Symptom.CannotMoveFootOrToes => "cannot move the foot or toes",
        Symptom.OverheatedOrConfused => "overheated or confused after a run",
        Symptom.Fever => "fever or shivers",
        Symptom.FeelingVeryUnwell => "feeling very unwell",
        Symptom.DarkUrine => "dark or red urine after a hard session",
        Symptom.SevereUnrelentingPain => "severe pain that does not ease with rest",
        Symptom.TenseHardCalf => "calf tense and hard",
        Symptom.PainOnMovingToes => "pain much worse on moving the toes or foot",
        Symptom.PainAtRest => "pain at rest or at night",
        Symptom.RecurringDuringRuns => "pain at the same point of every run",
        Symptom.CrampOver10Minutes => "cramp lasting more than 10 minutes",
        Symptom.SuddenlyMuchWorse => "pain suddenly much worse",
        Symptom.PopOrSnap => "started with a pop or snap",
        Symptom.CannotBearWeight => "cannot bear weight",
        Symptom.CannotRiseOnToes => "cannot rise onto the toes",
        Symptom.Swelling => "calf swollen",
        Symptom.Warmth => "calf warm",
        Symptom.Discoloration => "calf red or darker",
        Symptom.Bruising => "large bruise",
        Symptom.KneeLump => "lump behind the knee",
        Symptom.HardOrSoreVeins => "veins swollen, hard or sore",
        Symptom.WoundOrBite => "wound or bite on the leg",
        Symptom.NumbnessOrTingling => "numbness or tingling",
        Symptom.FootWeakOrDropping => "foot weak or dropping",
        Symptom.BothLegsWeakOrNumb => "both legs weak or numb",
        Symptom.SaddleNumbnessOrBladderBowel => "numbness between the legs or bladder or bowel trouble",
        Symptom.NotImproving => "not improving with home care",
        _ => throw new ArgumentOutOfRangeException(nameof(symptom), symptom, null),
    };
}
