using CalfCoach.Core.Analysis;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;

namespace CalfCoach.Core.Evidence;

/// <summary>One published source behind an entry; <paramref name="Url"/> is null where no stable public address is known.</summary>
public sealed record EvidenceSource(string Title, string Publisher, int Year, string? Url = null)
{
    /// <summary>
    /// Where a runner can read it: its own address, or else a PubMed search for its title and authors, which
    /// finds a journal paper without this app guessing a DOI it cannot check.
    /// </summary>
    public string Link => Url ?? "https://pubmed.ncbi.nlm.nih.gov/?term=" + Uri.EscapeDataString($"{Title} {Publisher.Split(',')[0]}");

    /// <summary>True when <see cref="Link"/> is a search rather than the source's own page.</summary>
    public bool IsSearch => Url is null;
}

/// <summary>One topic of the evidence page: <paramref name="Anchor"/> is the stable fragment of <c>/evidence#anchor</c>.</summary>
public sealed record EvidenceEntry(string Anchor, string Title, string Summary, IReadOnlyList<EvidenceSource> Sources);

/// <summary>
/// The evidence page's entries in plain words, and which entry explains each finding and plan task, so that a
/// runner's "Why?" leads to a readable page and never to a file name. The summaries are this app's own words
/// over the fact sheet (EVIDENCE.md, docs/EVIDENCE-NOTES.md); the sources are the ones the code comments cite.
/// </summary>
public static class EvidenceCatalogue
{
    private static readonly EvidenceSource NhsSprains = new("Sprains and strains", "NHS", 2023, "https://www.nhs.uk/conditions/sprains-and-strains/");
    private static readonly EvidenceSource CksSprains = new("Sprains and strains", "NICE Clinical Knowledge Summaries", 2024, "https://cks.nice.org.uk/topics/sprains-strains/");
    private static readonly EvidenceSource Frandsen = new("How much running is too much? Identifying high-risk running sessions in a 5200-person cohort study",
        "Frandsen et al., British Journal of Sports Medicine", 2025, "https://doi.org/10.1136/bjsports-2024-109380");
    private static readonly EvidenceSource Green2022 = new("On how expert clinicians rehabilitate calf strains and decide on a return to running",
        "Green et al., Sports Medicine – Open", 2022);

    /// <summary>Every entry, in the order of the page.</summary>
    public static IReadOnlyList<EvidenceEntry> Entries { get; } =
    [
        new("training-load", "Too much, too soon",
            "Most running calf problems start when the calf is asked to do more than it has been prepared for. "
            + "In a large study of runners' watch data, a single run clearly longer than the longest of the previous month was the strongest warning sign, "
            + "so the app keeps each run within about a tenth of that. Weekly distance, speed and hills are raised one at a time and gently; "
            + "the familiar \"10 % a week\" is a sensible habit rather than a proven limit.",
            [
                Frandsen,
                new("The GRONORUN study: is a graded training program for novice runners effective in preventing running related injuries?", "Buist et al., American Journal of Sports Medicine", 2008),
                new("Excessive progression in weekly running distance and risk of running-related injuries", "Nielsen et al., Journal of Orthopaedic & Sports Physical Therapy", 2014),
            ]),
        new("workload-ratio", "Comparing last week with your usual weeks",
            "The app compares your most recent week with your longer-term average to describe a busy spell. "
            + "This ratio came from team sports and its link with injury is disputed, and for runners it did not predict injuries in the large watch-data study, "
            + "so the app shows it as a description and never as a risk score.",
            [
                new("The training–injury prevention paradox: should athletes be training smarter and harder?", "Gabbett, British Journal of Sports Medicine", 2016),
                new("Better way to determine the acute:chronic workload ratio?", "Williams et al., British Journal of Sports Medicine", 2017),
                new("What role do chronic workloads play in the acute to chronic workload ratio? Time to dismiss ACWR and its underlying theory", "Impellizzeri et al., Sports Medicine", 2021),
                Frandsen,
            ]),
        new("cadence", "Step rate and overstriding",
            "Taking slightly more, shorter steps per minute lowers the load of each landing, and landing with the foot under the body rather than far in front does the same. "
            + "Small changes of about five per cent, held for a couple of weeks at a time, are what studies have tested. "
            + "Switching to landing on the toes is not advised, because it moves more work onto the calf.",
            [
                new("Effects of step rate manipulation on joint mechanics during running", "Heiderscheit et al., Medicine & Science in Sports & Exercise", 2011),
                new("Running retraining to treat lower limb injuries: a mixed-methods study of current evidence synthesised with expert opinion", "Barton et al., British Journal of Sports Medicine", 2016),
                new("What are the benefits and risks associated with changing foot strike pattern or cadence during running? A systematic review and meta-analysis", "Anderson et al., Sports Medicine – Open", 2022, "https://doi.org/10.1186/s40798-022-00504-0"),
            ]),
        new("shoes", "Worn shoes",
            "Shoe foam loses some of its cushioning with use, and a trial found softer shoes linked with fewer injuries in lighter runners. "
            + "No study has shown a distance at which shoes start to cause injury, so the app only suggests a check and a replacement at common distances. "
            + "Runners who alternate two pairs had fewer injuries, and changing shoe type is best done slowly.",
            [
                new("Shock absorption characteristics of running shoes", "Cook et al., American Journal of Sports Medicine", 1985),
                new("Can parallel use of different running shoes decrease running-related injury risk?", "Malisoux et al., Scandinavian Journal of Medicine & Science in Sports", 2015),
                new("Shoe cushioning influences the running injury risk according to body mass: a randomized controlled trial involving 848 recreational runners", "Malisoux et al., American Journal of Sports Medicine", 2020),
            ]),
        new("cramps", "Cramps in long, fast or hot runs",
            "Cramps during running are most linked with tiring muscles late in long or fast efforts, more than with a lack of salt or water. "
            + "Pacing long and hot runs carefully and training for the effort you plan matter most. "
            + "Drinking to thirst and knowing your sweat rate helps plan fluids and salt without drinking too much. A gentle stretch eases a cramp while it lasts.",
            [
                new("Increased running speed and previous cramps rather than dehydration or serum sodium changes predict exercise-associated muscle cramping", "Schwellnus et al., British Journal of Sports Medicine", 2011),
                new("On exercise-associated muscle cramps: causes, treatment and prevention", "Miller et al., Journal of Athletic Training", 2022),
                new("Leg cramps", "NHS", 2023, "https://www.nhs.uk/conditions/leg-cramps/"),
            ]),
        new("first-aid", "First aid and pain relief",
            "For the first two or three days after a strain, protect the calf, rest from running, and use ice wrapped in a cloth, a supportive bandage and a raised leg to ease pain and swelling. "
            + "Ice mainly eases pain rather than speeding healing. Keep away from heat, alcohol and massage on the sore spot at first. "
            + "For pain, the NHS suggests paracetamol first and no anti-inflammatory tablets in the first two days; ask a pharmacist if you take other medicines.",
            [
                NhsSprains,
                CksSprains,
                new("Soft-tissue injuries simply need PEACE and LOVE", "Dubois and Esculier, British Journal of Sports Medicine", 2020),
                new("The use of ice in the treatment of acute soft-tissue injury: a systematic review", "Bleakley et al., American Journal of Sports Medicine", 2004),
            ]),
        new("gentle-recovery", "Moving again gently",
            "After the first days, comfortable movement helps a strained calf more than staying still. "
            + "Walking, easy cycling or swimming within comfort keep blood flowing, light massage around the sore area and gentle stretches can ease stiffness, "
            + "and stretching is for comfort: on its own it has not been shown to prevent injuries.",
            [
                new("Soft-tissue injuries simply need PEACE and LOVE", "Dubois and Esculier, British Journal of Sports Medicine", 2020),
                new("The effectiveness of exercise interventions to prevent sports injuries: a systematic review and meta-analysis of randomised controlled trials", "Lauersen et al., British Journal of Sports Medicine", 2014),
                NhsSprains,
            ]),
        new("pain-guide", "Letting pain guide the pace",
            "Logging your pain lets the plan move at the calf's pace. Some discomfort during exercise is acceptable if it stays moderate, "
            + "has settled by the next morning and does not creep up from week to week; if it does, the plan steps back.",
            [
                new("Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy", "Silbernagel et al., American Journal of Sports Medicine", 2007),
            ]),
        new("calf-strength", "Strengthening the calf: heel drops",
            "Slowly lowering the heel over a step, with the knee straight and then bent, builds strength in both calf muscles. "
            + "The plan moves from two legs to one and then to added weight only when the exercise stays comfortable. "
            + "Counting how many single-leg heel raises each leg can do shows when the calf is ready for more.",
            [
                new("Heavy-load eccentric calf muscle training for the treatment of chronic Achilles tendinosis", "Alfredson et al., American Journal of Sports Medicine", 1998),
                new("Updated reliability and normative values for the standing heel-rise test in healthy adults", "Hébert-Losier et al., Physiotherapy", 2017),
                Green2022,
            ]),
        new("hip-strength", "Hip and hamstring strength",
            "Strong hips and hamstrings share the work of pushing off, so the calf does less of it alone. "
            + "Clinicians include bridges, side planks, split squats and similar exercises twice a week, done after running rather than before.",
            [
                Green2022,
                new("Running retraining to treat lower limb injuries: a mixed-methods study of current evidence synthesised with expert opinion", "Barton et al., British Journal of Sports Medicine", 2016),
            ]),
        new("return-to-running", "Coming back to running",
            "Running returns when the calf passes simple checks rather than after a set number of days: walking without pain, "
            + "enough single-leg heel raises compared with the other leg, and ankle bend close to the other side. "
            + "It then builds up through short walk and run intervals, not on two days in a row at first, moving up a stage only when the calf stays calm.",
            [
                Green2022,
                new("Calf muscle strain injuries in sport: a systematic review of risk factors for injury", "Green and Pizzari, British Journal of Sports Medicine", 2017),
                NhsSprains,
            ]),
        new("warning-signs", "Warning signs that need a doctor",
            "Some calf pain is not a running strain. A calf that is swollen, warm, red or darkened on one side can be a blood clot, especially with breathlessness or chest pain. "
            + "A pop with sudden weakness can be a tear of the muscle or the Achilles tendon. A tight, very painful calf after a knock can be pressure building in the muscle, "
            + "a spreading hot red patch with fever can be an infection, and a cold, pale or numb foot can mean the blood supply is blocked. These need medical help, and the app stops coaching.",
            [
                new("Deep vein thrombosis (DVT)", "NHS", 2023, "https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/"),
                new("Venous thromboembolic diseases: diagnosis, management and thrombophilia testing (NG158)", "NICE", 2023, "https://www.nice.org.uk/guidance/ng158"),
                new("Compartment syndrome", "NHS", 2023, "https://www.nhs.uk/conditions/compartment-syndrome/"),
                new("Cellulitis", "NHS", 2023, "https://www.nhs.uk/conditions/cellulitis/"),
                new("Peripheral arterial disease (PAD)", "NHS", 2023, "https://www.nhs.uk/conditions/peripheral-arterial-disease-pad/"),
            ]),
        new("seven-to-ten-days", "If it is not better in 7 to 10 days",
            "Most calf strains ease clearly within a week or two of sensible care. If the pain is no better after 7 to 10 days of rest from running, "
            + "hurts at rest or at night, or keeps coming back, it may be something other than simple overload and is worth showing to a doctor or physiotherapist.",
            [NhsSprains, CksSprains]),
    ];

    /// <summary>Which entry explains each finding (ids of <see cref="FindingIds"/>).</summary>
    private static readonly Dictionary<string, string> ByFinding = new(StringComparer.Ordinal)
    {
        [FindingIds.LongRunSpike] = "training-load",
        [FindingIds.WeeklyDistanceSpike] = "training-load",
        [FindingIds.ReturnAfterBreak] = "training-load",
        [FindingIds.NewSpeedwork] = "training-load",
        [FindingIds.PaceIncrease] = "training-load",
        [FindingIds.HillIncrease] = "training-load",
        [FindingIds.AcuteChronicRatioHigh] = "workload-ratio",
        [FindingIds.LowCadence] = "cadence",
        [FindingIds.Overstriding] = "cadence",
        [FindingIds.WornShoes] = "shoes",
        [FindingIds.CrampRiskEfforts] = "cramps",
    };

    /// <summary>Which entry explains each plan task and prevention item (ids of the programme's tasks and of <see cref="PreventionPlan"/>).</summary>
    private static readonly Dictionary<string, string> ByTask = new(StringComparer.Ordinal)
    {
        ["get-help"] = "warning-signs",
        ["see-clinician"] = "seven-to-ten-days",
        ["relative-rest"] = "first-aid",
        ["ice"] = "first-aid",
        ["compression"] = "first-aid",
        ["elevation"] = "first-aid",
        ["avoid-early"] = "first-aid",
        ["load-as-pain-allows"] = "gentle-recovery",
        ["gentle-movement"] = "gentle-recovery",
        ["self-massage"] = "gentle-recovery",
        ["foam-rolling"] = "gentle-recovery",
        ["passive-stretching"] = "gentle-recovery",
        ["fluids-electrolytes"] = "cramps",
        ["pain-check-in"] = "pain-guide",
        [ExerciseNames.HeelDropsPrefix] = "calf-strength",
        ["heel-drops-straight-knee"] = "calf-strength",
        ["heel-drops-bent-knee"] = "calf-strength",
        [ExerciseNames.SingleLegHeelRaise] = "return-to-running",
        [ExerciseNames.KneeToWall] = "return-to-running",
        [ExerciseNames.WalkRun] = "return-to-running",
        ["rest-from-running"] = "return-to-running",
        [ExerciseNames.GlutesHamstrings] = "hip-strength",
        ["load-progression"] = "training-load",
        ["cadence-retraining"] = "cadence",
        ["gait-analysis"] = "cadence",
        ["shoe-review"] = "shoes",
        ["cramp-plan"] = "cramps",
    };

    /// <summary>The entry with this anchor, or null.</summary>
    public static EvidenceEntry? Entry(string anchor) => Entries.FirstOrDefault(e => e.Anchor == anchor);

    /// <summary>The anchor of the entry that explains a finding, or null for an unknown id.</summary>
    public static string? ForFinding(string findingId) => ByFinding.GetValueOrDefault(findingId);

    /// <summary>The anchor of the entry that explains a plan task or prevention item, or null for an unknown id.</summary>
    public static string? ForTask(string taskId) => ByTask.GetValueOrDefault(taskId);

    /// <summary>
    /// Every id a task of the recovery programme can carry: its own tasks (<see cref="ProgrammeTasks.Ids"/>)
    /// and the prevention items it copies into the prevention phase.
    /// </summary>
    public static IEnumerable<string> TaskIds => ProgrammeTasks.Ids.Concat(PreventionPlan.ItemIds).Distinct(StringComparer.Ordinal);
}
