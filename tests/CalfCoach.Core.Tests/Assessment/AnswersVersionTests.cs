using System.Text.Json.Nodes;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;
using FsCheck.Xunit;
using static CalfCoach.Core.Assessment.Symptom;

namespace CalfCoach.Core.Tests.Assessment;

/// <summary>
/// The answers contract is versioned: version-1 objects (no "version" key) keep reading and never get a calmer result
/// than they had; version-2 objects must answer the new signs and every follow-up of a gateway answered "yes".
/// </summary>
public sealed class AnswersVersionTests
{
    private static readonly Symptom[] VersionOneSigns = Questionnaire.SymptomQuestionsOf(1).Select(q => q.Symptom).ToArray();
    private static readonly DvtRiskFactor[] RiskFactors = Enum.GetValues<DvtRiskFactor>();

    /// <summary>
    /// The version-1 rule table as it stood before version 2 (frozen here): the disposition every stored version-1
    /// answers object had. Version 2 may only keep or raise it for such an object.
    /// </summary>
    private static Disposition VersionOneDisposition(RunnerAnswers a)
    {
        if (a.HasAny(ShortnessOfBreath, ChestPain, CoughingBlood, FaintingOrCollapse, ColdOrPaleFoot, CannotMoveFootOrToes,
                SevereUnrelentingPain, Fever, FeelingVeryUnwell, DarkUrine, BothLegsWeakOrNumb, SaddleNumbnessOrBladderBowel)
            || (a.Has(TenseHardCalf) && a.HasAny(PainOnMovingToes, NumbnessOrTingling))
            || (a.Has(CannotBearWeight) && a.HasAny(NumbnessOrTingling, Discoloration)))
        {
            return Disposition.Emergency;
        }

        if (a.HasAny(PopOrSnap, CannotBearWeight, CannotRiseOnToes, PainAtRest, NumbnessOrTingling, TenseHardCalf, Swelling, Warmth,
                Discoloration, CrampOver10Minutes)
            || a.DvtRiskFactors.Any(f => f.IsProvoking()))
        {
            return Disposition.Urgent;
        }

        if ((a.Has(NotImproving) && (a.DaysOfHomeCare >= 7 || a.DaysSinceOnset >= 14))
            || a.HasAny(Bruising, RecurringDuringRuns, PainOnMovingToes, KneeLump)
            || a.DvtRiskFactors.Count > 0 || a.PainScore is { Value: >= 7 })
        {
            return Disposition.SeeClinician;
        }

        return Disposition.SelfCare;
    }

    [Property(MaxTest = 3000)]
    public bool A_version_1_object_never_gets_a_lower_disposition_than_the_version_1_rules_gave(uint signs, ushort risks, byte onset, byte care, byte pain)
    {
        var days = onset % 30;
        var answers = new RunnerAnswers(VersionOneSigns.Where((_, i) => (signs & (1u << i)) != 0).ToHashSet(), days, Math.Min(days, care % 30))
        {
            DvtRiskFactors = RiskFactors.Where((_, i) => (risks & (1 << i)) != 0).ToHashSet(),
            PainScore = new PainScore(pain % 11),
        };
        var read = AnswersJsonReader.Read(AnswersJsonWriter.Write(answers)).Answers!;

        return read.Version == 1 && Triage.Evaluate(read).Disposition >= VersionOneDisposition(answers);
    }

    [Fact]
    public void Every_stored_example_answers_file_still_reads_as_version_1()
    {
        var examples = Directory.GetFiles(Path.Combine(CalfCoach.Testing.TestPaths.RepoRoot, "examples"), "*.json", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("\"fever\"", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(examples);
        Assert.All(examples, file =>
        {
            var read = AnswersJsonReader.Read(File.ReadAllText(file));
            Assert.True(read.IsValid, $"{file}: {string.Join("; ", read.Errors)}");
            Assert.True(read.Answers!.Version >= 1);
        });
    }

    [Fact]
    public void A_version_1_object_lists_the_signs_it_was_never_asked()
    {
        var result = Assessor.Assess(Read(VersionOne()), A.Day);

        Assert.Equal([OverheatedOrConfused, FootWeakOrDropping, SuddenlyMuchWorse, HardOrSoreVeins, WoundOrBite], result.NotAsked);
    }

    [Fact]
    public void A_version_2_key_in_a_version_1_object_is_refused_by_name()
    {
        var json = VersionOne();
        json["footWeakOrDropping"] = false;

        var error = Assert.Single(AnswersJsonReader.Read(json.ToJsonString()).Errors);
        Assert.Equal("footWeakOrDropping", error.Key);
        Assert.Contains("version 2", error.Message);
    }

    [Fact]
    public void A_version_2_object_must_answer_every_new_sign_where_it_hurts_and_the_medicines()
    {
        var json = VersionOne();
        json["version"] = 2;

        var keys = AnswersJsonReader.Read(json.ToJsonString()).Errors.Select(e => e.Key).ToHashSet();

        Assert.Equal(new HashSet<string> { "overheatedOrConfused", "footWeakOrDropping", "suddenlyMuchWorse", "hardOrSoreVeins", "woundOrBite", "painLocation", "medicines" }, keys);
    }

    [Fact]
    public void A_gateway_answered_yes_needs_its_follow_up_and_a_missing_one_is_named()
    {
        var json = VersionTwo();
        json["painAtRest"] = true;

        var error = Assert.Single(AnswersJsonReader.Read(json.ToJsonString()).Errors);
        Assert.Equal("restPain", error.Key);
        Assert.Contains("\"constant\"", error.Message);
    }

    [Theory]
    [InlineData("restPain", "\"constant\"")]
    [InlineData("skinPatch", "\"small-not-spreading\"")]
    public void A_follow_up_of_a_gateway_answered_no_is_refused(string key, string value)
    {
        var json = VersionTwo();
        json[key] = JsonNode.Parse(value);

        var error = Assert.Single(AnswersJsonReader.Read(json.ToJsonString()).Errors);
        Assert.Equal(key, error.Key);
        Assert.Contains("false", error.Message);
    }

    [Theory]
    [InlineData("restPain", "null")]
    [InlineData("restPain", "\"sometimes\"")]
    [InlineData("medicines", "null")]
    [InlineData("medicines", "[\"aspirin\"]")]
    [InlineData("painLocation", "\"knee\"")]
    public void A_null_or_misspelled_version_2_answer_is_an_error_not_a_no(string key, string value)
    {
        var json = VersionTwo();
        json["painAtRest"] = true;
        json["restPain"] = "constant";
        json[key] = JsonNode.Parse(value);

        Assert.Contains(AnswersJsonReader.Read(json.ToJsonString()).Errors, e => e.Key == key);
    }

    [Property(MaxTest = 1000)]
    public bool Complete_version_2_answers_are_written_and_read_back_with_the_same_result(uint signs, ushort risks, uint details, byte context, byte day)
    {
        var answers = GeneratedAnswers.VersionTwo(signs, risks, details, context, day);
        var read = AnswersJsonReader.Read(AnswersJsonWriter.Write(answers)).Answers!;

        return read.Version == 2
            && read.RestPain == answers.RestPain && read.Numbness == answers.Numbness && read.SwellingExtent == answers.SwellingExtent
            && read.SwellingCause == answers.SwellingCause && read.RecurringEases == answers.RecurringEases && read.SkinPatch == answers.SkinPatch
            && read.FootWeakOnset == answers.FootWeakOnset && read.WoundAftermath == answers.WoundAftermath
            && read.Location == answers.Location && read.Medicines.SetEquals(answers.Medicines)
            && Triage.Evaluate(read).Disposition == Triage.Evaluate(answers).Disposition;
    }

    [Property(MaxTest = 3000)]
    public bool In_version_2_adding_a_yes_with_any_follow_up_never_lowers_the_disposition(uint signs, ushort risks, uint details, byte context, byte day, byte added, uint addedDetails)
    {
        var answers = GeneratedAnswers.VersionTwo(signs, risks, details, context, day);
        var sign = Enum.GetValues<Symptom>()[added % Enum.GetValues<Symptom>().Length];
        if (answers.Has(sign))
        {
            return true;
        }

        // The new gateway's follow-ups take any value; those already answered keep theirs.
        var fresh = GeneratedAnswers.WithDetails(answers.WithSymptom(sign), addedDetails);
        var more = fresh with
        {
            RestPain = answers.RestPain ?? fresh.RestPain,
            Numbness = answers.Numbness ?? fresh.Numbness,
            SwellingExtent = answers.SwellingExtent ?? fresh.SwellingExtent,
            SwellingCause = answers.SwellingCause ?? fresh.SwellingCause,
            RecurringEases = answers.RecurringEases ?? fresh.RecurringEases,
            SkinPatch = answers.SkinPatch ?? fresh.SkinPatch,
            FootWeakOnset = answers.FootWeakOnset ?? fresh.FootWeakOnset,
            WoundAftermath = answers.WoundAftermath ?? fresh.WoundAftermath,
        };
        return Triage.Evaluate(more).Disposition >= Triage.Evaluate(answers).Disposition;
    }

    [Property(MaxTest = 3000)]
    public bool A_more_worrying_follow_up_never_lowers_the_disposition(uint signs, ushort risks, uint details, byte context, byte day)
    {
        // Choice 0 of every follow-up is its most worrying branch (and what a missing follow-up is read as).
        var answers = GeneratedAnswers.VersionTwo(signs, risks, details, context, day);
        var worst = GeneratedAnswers.WithDetails(answers, 0);
        var unasked = answers with
        {
            RestPain = null,
            Numbness = null,
            SwellingExtent = null,
            SwellingCause = null,
            RecurringEases = null,
            SkinPatch = null,
            FootWeakOnset = null,
            WoundAftermath = null,
        };
        var level = Triage.Evaluate(answers).Disposition;
        return Triage.Evaluate(worst).Disposition >= level && Triage.Evaluate(unasked).Disposition >= level;
    }

    private static JsonObject VersionOne()
    {
        var json = new JsonObject();
        foreach (var question in Questionnaire.SymptomQuestionsOf(1))
        {
            json[question.Key] = false;
        }

        json["daysSinceOnset"] = 2;
        json["daysOfHomeCare"] = 1;
        return json;
    }

    private static JsonObject VersionTwo()
    {
        var json = new JsonObject { ["version"] = 2 };
        foreach (var question in Questionnaire.SymptomQuestions)
        {
            json[question.Key] = false;
        }

        json["daysSinceOnset"] = 2;
        json["daysOfHomeCare"] = 1;
        json["painLocation"] = "muscle-belly";
        json["medicines"] = new JsonArray();
        return json;
    }

    private static RunnerAnswers Read(JsonObject json) => AnswersJsonReader.Read(json.ToJsonString()).Answers!;
}
