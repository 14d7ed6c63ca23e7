namespace CalfCoach.Core.Assessment;

// The follow-up answers of version 2 of the questionnaire: asked only when their gateway sign is "yes", they tell apart
// patterns one yes/no question cannot (a night cramp from constant pain at rest, numbness that clears within minutes of
// stopping a run from numbness that stays). Each enum is ordered from the most worrying value; a follow-up that was never
// asked (a version-1 answers object) is held as null and every rule reads null as the most worrying branch.
// Sources for each level: docs/EVIDENCE-NOTES.md.

/// <summary>What the pain at rest is like (gateway: <see cref="Symptom.PainAtRest"/>).</summary>
public enum RestPainKind
{
    /// <summary>The calf aches or hurts while still, and it does not pass.</summary>
    Constant,

    /// <summary>Cramps that wake the runner at night and pass, several times a week or spoiling sleep.</summary>
    NightCrampsOften,

    /// <summary>Now-and-then night cramps that pass within minutes.</summary>
    NightCrampsSometimes,
}

/// <summary>When the numbness or tingling comes (gateway: <see cref="Symptom.NumbnessOrTingling"/>).</summary>
public enum NumbnessKind
{
    /// <summary>It stays, or comes while resting.</summary>
    Persistent,

    /// <summary>Only during runs, and gone within minutes of stopping.</summary>
    OnlyWhileRunning,
}

/// <summary>How much of the leg is swollen (gateway: <see cref="Symptom.Swelling"/>); the consumer forms of the Wells items.</summary>
public enum SwellingExtent
{
    WholeLeg,

    /// <summary>The calf at least 3 cm bigger round than the other, or a fingertip dent that stays (pitting).</summary>
    CalfMuchBigger,

    CalfSlightly,
}

/// <summary>What the swelling came with (gateway: <see cref="Symptom.Swelling"/>).</summary>
public enum SwellingCause
{
    Unexplained,

    /// <summary>A bruise after a knock, a fall or a run where the calf was hurt.</summary>
    BruiseAfterKnockOrRun,
}

/// <summary>What eases the pain that comes at the same point of every run (gateway: <see cref="Symptom.RecurringDuringRuns"/>).</summary>
public enum RecurringEases
{
    /// <summary>It comes on walks too and eases within minutes of standing still: the arterial (claudication) pattern.</summary>
    StandingStillOnWalks,

    /// <summary>It eases when the leg is raised: the venous pattern.</summary>
    RaisingTheLeg,

    /// <summary>Only when running, easing minutes after stopping: the exertional compartment pattern.</summary>
    StoppingTheRun,
}

/// <summary>How far the warm or red skin reaches (gateways: <see cref="Symptom.Warmth"/>, <see cref="Symptom.Discoloration"/>).</summary>
public enum SkinPatch
{
    /// <summary>Much of the calf, or spreading.</summary>
    SpreadingOrLarge,

    /// <summary>A patch up to the size of a palm that is not growing.</summary>
    SmallNotSpreading,
}

/// <summary>How the weak foot came on (gateway: <see cref="Symptom.FootWeakOrDropping"/>).</summary>
public enum FootWeakOnset
{
    /// <summary>Suddenly: today, or since a run.</summary>
    Sudden,

    /// <summary>Gradually, over days or weeks.</summary>
    Gradual,
}

/// <summary>What has followed the wound (gateway: <see cref="Symptom.WoundOrBite"/>).</summary>
public enum WoundAftermath
{
    /// <summary>Cramps, stiffness or spasms of the muscles since the wound: the tetanus pattern.</summary>
    CrampsOrStiffness,

    Neither,
}

/// <summary>Where the pain is (version 2).</summary>
public enum PainLocation
{
    WholeCalf,
    BehindKnee,

    /// <summary>One spot on the shin bone or the thin outer bone that hurts to press.</summary>
    BoneSpot,
    Achilles,
    MuscleBelly,
}

/// <summary>A medicine that changes what calf pain may mean (version 2).</summary>
public enum Medicine
{
    /// <summary>Anticoagulants (warfarin, apixaban, rivaroxaban, …): bleeding into the calf.</summary>
    BloodThinner,

    /// <summary>Ciprofloxacin, levofloxacin, …: tendon damage and rupture.</summary>
    Fluoroquinolone,

    /// <summary>Muscle pain and, rarely, muscle breakdown.</summary>
    Statin,

    /// <summary>Water tablets: cramps from lost salts.</summary>
    Diuretic,
}

public static class SignDetailText
{
    public static string Id(this RestPainKind value) => value switch
    {
        RestPainKind.Constant => "constant",
        RestPainKind.NightCrampsOften => "night-cramps-often",
        RestPainKind.NightCrampsSometimes => "night-cramps-sometimes",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this RestPainKind value) => value switch
    {
        RestPainKind.Constant => "It aches or hurts while I am still, and it does not pass",
        RestPainKind.NightCrampsOften => "Cramps wake me at night and pass, but often (most weeks) or they spoil my sleep",
        RestPainKind.NightCrampsSometimes => "Now and then a cramp wakes me at night and passes within minutes",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Id(this NumbnessKind value) => value switch
    {
        NumbnessKind.Persistent => "persistent",
        NumbnessKind.OnlyWhileRunning => "only-while-running",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this NumbnessKind value) => value switch
    {
        NumbnessKind.Persistent => "It stays, or it comes while I am resting",
        NumbnessKind.OnlyWhileRunning => "Only while I run, and it is gone within minutes of stopping",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Id(this SwellingExtent value) => value switch
    {
        SwellingExtent.WholeLeg => "whole-leg",
        SwellingExtent.CalfMuchBigger => "calf-much-bigger",
        SwellingExtent.CalfSlightly => "calf-slightly",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this SwellingExtent value) => value switch
    {
        SwellingExtent.WholeLeg => "The whole leg is swollen",
        SwellingExtent.CalfMuchBigger => "The calf is clearly bigger (3 cm or more round than the other), or a fingertip pressed in leaves a dent",
        SwellingExtent.CalfSlightly => "Only a little swelling around the sore spot",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Id(this SwellingCause value) => value switch
    {
        SwellingCause.Unexplained => "unexplained",
        SwellingCause.BruiseAfterKnockOrRun => "bruise-after-knock-or-run",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this SwellingCause value) => value switch
    {
        SwellingCause.Unexplained => "It came without a knock or an injury I can point to",
        SwellingCause.BruiseAfterKnockOrRun => "It came with a bruise after a knock, a fall, or the run where it started hurting",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Id(this RecurringEases value) => value switch
    {
        RecurringEases.StandingStillOnWalks => "standing-still-on-walks",
        RecurringEases.RaisingTheLeg => "raising-the-leg",
        RecurringEases.StoppingTheRun => "stopping-the-run",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this RecurringEases value) => value switch
    {
        RecurringEases.StandingStillOnWalks => "It comes on walks too, and eases within minutes when I stand still",
        RecurringEases.RaisingTheLeg => "It eases most when I raise my leg",
        RecurringEases.StoppingTheRun => "Only when running; it eases within minutes of stopping",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Id(this SkinPatch value) => value switch
    {
        SkinPatch.SpreadingOrLarge => "spreading-or-large",
        SkinPatch.SmallNotSpreading => "small-not-spreading",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this SkinPatch value) => value switch
    {
        SkinPatch.SpreadingOrLarge => "It covers much of the calf, or it is spreading",
        SkinPatch.SmallNotSpreading => "A patch no bigger than my palm, and it is not growing",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Id(this FootWeakOnset value) => value switch
    {
        FootWeakOnset.Sudden => "sudden",
        FootWeakOnset.Gradual => "gradual",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this FootWeakOnset value) => value switch
    {
        FootWeakOnset.Sudden => "Suddenly: today, or since a run",
        FootWeakOnset.Gradual => "Gradually, over days or weeks",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Id(this WoundAftermath value) => value switch
    {
        WoundAftermath.CrampsOrStiffness => "cramps-or-stiffness",
        WoundAftermath.Neither => "neither",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this WoundAftermath value) => value switch
    {
        WoundAftermath.CrampsOrStiffness => "Since the wound, my muscles cramp, stiffen or go into spasm",
        WoundAftermath.Neither => "No cramps or stiffness since the wound",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Id(this PainLocation value) => value switch
    {
        PainLocation.WholeCalf => "whole-calf",
        PainLocation.BehindKnee => "behind-knee",
        PainLocation.BoneSpot => "bone-spot",
        PainLocation.Achilles => "achilles",
        PainLocation.MuscleBelly => "muscle-belly",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this PainLocation value) => value switch
    {
        PainLocation.WholeCalf => "All over the calf",
        PainLocation.BehindKnee => "Behind the knee",
        PainLocation.BoneSpot => "One spot on a bone (the shin or the thin outer bone) that hurts to press",
        PainLocation.Achilles => "The Achilles tendon, the cord above the heel",
        PainLocation.MuscleBelly => "In the muscle, somewhere in the bulk of the calf",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Id(this Medicine value) => value switch
    {
        Medicine.BloodThinner => "blood-thinner",
        Medicine.Fluoroquinolone => "fluoroquinolone",
        Medicine.Statin => "statin",
        Medicine.Diuretic => "diuretic",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Label(this Medicine value) => value switch
    {
        Medicine.BloodThinner => "A blood thinner (warfarin, apixaban, rivaroxaban, edoxaban, dabigatran or injections)",
        Medicine.Fluoroquinolone => "In the last month, an antibiotic ending in \"-floxacin\" (such as ciprofloxacin or levofloxacin)",
        Medicine.Statin => "A statin for cholesterol (such as atorvastatin or simvastatin)",
        Medicine.Diuretic => "Water tablets (diuretics, such as furosemide or bendroflumethiazide)",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };
}
