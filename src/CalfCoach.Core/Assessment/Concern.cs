namespace CalfCoach.Core.Assessment;

/// <summary>
/// A serious condition a red flag may point to. Always worded as a possibility that only an
/// examination can confirm or rule out: CalfCoach does not diagnose.
/// </summary>
public enum Concern
{
    TearOrRupture,
    BloodClotInLeg,
    BloodClotInLungs,
    BlockedArtery,
    CompartmentSyndrome,
    SpreadingInfection,
    MuscleBreakdown,
    SpinalNerveCompression,
    NerveOrCirculationProblem,
    RupturedKneeCyst,
    UnusualCramp,
    ExerciseTriggeredPressureOrArtery,
    SlowHealingStrain,
    HeatIllness,
    StressFracture,
    TendonDamageFromMedicine,
    MuscleDamageFromMedicine,
    BleedingIntoCalf,
    NarrowedArtery,
    VeinProblem,
    Tetanus,
}

public static class ConcernExtensions
{
    public static string Id(this Concern concern) => concern switch
    {
        Concern.TearOrRupture => "tear-or-rupture",
        Concern.BloodClotInLeg => "blood-clot-in-leg",
        Concern.BloodClotInLungs => "blood-clot-in-lungs",
        Concern.BlockedArtery => "blocked-artery",
        Concern.CompartmentSyndrome => "compartment-syndrome",
        Concern.SpreadingInfection => "infection",
        Concern.MuscleBreakdown => "muscle-breakdown",
        Concern.SpinalNerveCompression => "spinal-nerve-compression",
        Concern.NerveOrCirculationProblem => "nerve-or-circulation-problem",
        Concern.RupturedKneeCyst => "ruptured-knee-cyst",
        Concern.UnusualCramp => "unusual-cramp",
        Concern.ExerciseTriggeredPressureOrArtery => "exercise-triggered-pressure-or-artery",
        Concern.SlowHealingStrain => "more-than-simple-overload",
        Concern.HeatIllness => "heat-illness",
        Concern.StressFracture => "stress-fracture",
        Concern.TendonDamageFromMedicine => "tendon-damage-from-medicine",
        Concern.MuscleDamageFromMedicine => "muscle-damage-from-medicine",
        Concern.BleedingIntoCalf => "bleeding-into-calf",
        Concern.NarrowedArtery => "narrowed-artery",
        Concern.VeinProblem => "vein-problem",
        Concern.Tetanus => "tetanus",
        _ => throw new ArgumentOutOfRangeException(nameof(concern), concern, null),
    };

    /// <summary>What the signs may point to, phrased as a possibility (never as a diagnosis).</summary>
    public static string Possibility(this Concern concern) => concern switch
    {
        Concern.TearOrRupture =>
            "a torn calf muscle or a ruptured Achilles tendon. A rupture can still let you walk and point the foot, so only an examination can tell.",
        Concern.BloodClotInLeg =>
            "a blood clot in a deep vein of the leg (deep vein thrombosis). Being fit does not rule it out: runners' clots have been mistaken for calf strains.",
        Concern.BloodClotInLungs =>
            "a blood clot that has travelled to the lungs (pulmonary embolism), which is life-threatening.",
        Concern.BlockedArtery =>
            "a sudden blockage of the blood supply to the leg, which can damage the limb within hours.",
        Concern.CompartmentSyndrome =>
            "a dangerous rise of pressure inside the calf muscles (acute compartment syndrome), which can follow a hard session even without an injury.",
        Concern.SpreadingInfection =>
            "an infection of the skin and tissues of the leg, possibly spreading into the blood.",
        Concern.MuscleBreakdown =>
            "muscle breaking down after hard exercise (exertional rhabdomyolysis), which can harm the kidneys.",
        Concern.SpinalNerveCompression =>
            "pressure on the nerves at the bottom of the spine (cauda equina syndrome), which needs treatment within hours.",
        Concern.NerveOrCirculationProblem =>
            "a problem with the nerves or the blood vessels of the leg rather than the muscle.",
        Concern.RupturedKneeCyst =>
            "a burst fluid-filled cyst from behind the knee (Baker's cyst), which looks like a clot and needs a scan to tell them apart.",
        Concern.UnusualCramp =>
            "a cramp with a cause other than exercise, which a doctor should look into.",
        Concern.ExerciseTriggeredPressureOrArtery =>
            "pressure that builds in the calf during exercise (chronic exertional compartment syndrome) or an artery squeezed by the calf muscles (popliteal artery entrapment).",
        Concern.SlowHealingStrain =>
            "an injury that is more than simple overload, such as a larger strain, and deserves an examination.",
        Concern.HeatIllness =>
            "heat illness: the body has overheated during effort. Heatstroke harms the brain and organs within minutes, and cooling at once is what saves them.",
        Concern.StressFracture =>
            "a stress fracture: a small crack in the shin bone or the thin outer bone from repeated load, which needs rest from running and sometimes a scan.",
        Concern.TendonDamageFromMedicine =>
            "damage to the Achilles or other tendons from a \"-floxacin\" antibiotic, which can lead to a rupture, even weeks after the course.",
        Concern.MuscleDamageFromMedicine =>
            "muscle damage from a statin: usually mild, but a doctor should check it, sometimes with a blood test.",
        Concern.BleedingIntoCalf =>
            "bleeding into the calf while on a blood thinner, which can build up pressure inside the muscle.",
        Concern.NarrowedArtery =>
            "narrowed arteries of the leg (peripheral arterial disease), which let too little blood reach the calf during effort.",
        Concern.VeinProblem =>
            "a problem with the veins that drain the leg, sometimes left by an old clot.",
        Concern.Tetanus =>
            "tetanus, an infection from a dirty wound that stiffens and cramps the muscles.",
        _ => throw new ArgumentOutOfRangeException(nameof(concern), concern, null),
    };
}
