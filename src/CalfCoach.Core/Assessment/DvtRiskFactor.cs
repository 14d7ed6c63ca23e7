namespace CalfCoach.Core.Assessment;

/// <summary>
/// Things that make a clot in a leg vein more likely (EVIDENCE.md 1.2: NHS risk factors and the
/// consumer-answerable Wells items). They can only raise concern, never reassure.
/// </summary>
public enum DvtRiskFactor
{
    RecentSurgery,
    HospitalOrBedrest,
    PlasterCast,
    LongTravel,
    Cancer,
    PregnancyOrPostpartum,
    EstrogenTherapy,
    PreviousClot,
    AgeOver60,
    Smoking,
}

public static class DvtRiskFactorExtensions
{
    /// <summary>
    /// Provoking factors: a recent, specific trigger (operation, immobility, long journey, pregnancy,
    /// oestrogen, active cancer, a clot before). With calf pain these alone justify a same-day check,
    /// because a clot cannot be ruled out at home (EVIDENCE.md 1.2 app rule; runners' realistic
    /// triggers are travel to races and oestrogen-containing contraception).
    /// </summary>
    public static bool IsProvoking(this DvtRiskFactor factor) =>
        factor is not (DvtRiskFactor.AgeOver60 or DvtRiskFactor.Smoking);

    /// <summary>
    /// The factors that score on the two-level Wells score (NICE NG158: active cancer, a cast or paralysis, three days in
    /// bed or major surgery, a previous clot). With calf pain they keep a same-day check whatever the calf pattern;
    /// the other triggers (travel, the pill, pregnancy) do so when the calf also shows a sign that fits a clot
    /// (docs/EVIDENCE-NOTES.md, "Clot risk factors").
    /// </summary>
    public static bool IsWellsItem(this DvtRiskFactor factor) =>
        factor is DvtRiskFactor.RecentSurgery or DvtRiskFactor.HospitalOrBedrest or DvtRiskFactor.PlasterCast
            or DvtRiskFactor.Cancer or DvtRiskFactor.PreviousClot;

    /// <summary>The stable wire name used in answers files and the API.</summary>
    public static string Id(this DvtRiskFactor factor) => factor switch
    {
        DvtRiskFactor.RecentSurgery => "recent-surgery",
        DvtRiskFactor.HospitalOrBedrest => "hospital-or-bedrest",
        DvtRiskFactor.PlasterCast => "plaster-cast",
        DvtRiskFactor.LongTravel => "long-travel",
        DvtRiskFactor.Cancer => "cancer",
        DvtRiskFactor.PregnancyOrPostpartum => "pregnancy-or-postpartum",
        DvtRiskFactor.EstrogenTherapy => "estrogen-therapy",
        DvtRiskFactor.PreviousClot => "previous-clot",
        DvtRiskFactor.AgeOver60 => "age-over-60",
        DvtRiskFactor.Smoking => "smoking",
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, null),
    };

    public static string Describe(this DvtRiskFactor factor) => factor switch
    {
        DvtRiskFactor.RecentSurgery => "an operation in the last 12 weeks",
        DvtRiskFactor.HospitalOrBedrest => "a hospital stay or 3 or more days in bed recently",
        DvtRiskFactor.PlasterCast => "a plaster cast or a leg kept still in a boot or brace",
        DvtRiskFactor.LongTravel => "a journey of more than 3 hours in the last few weeks",
        DvtRiskFactor.Cancer => "cancer, or treatment for it, in the last 6 months",
        DvtRiskFactor.PregnancyOrPostpartum => "pregnancy, or a baby born in the last 6 weeks",
        DvtRiskFactor.EstrogenTherapy => "the combined pill or hormone replacement therapy",
        DvtRiskFactor.PreviousClot => "a blood clot in the past",
        DvtRiskFactor.AgeOver60 => "being over 60",
        DvtRiskFactor.Smoking => "smoking",
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, null),
    };
}
