using System.Text.Json;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;
using FsCheck.Xunit;

namespace CalfCoach.Core.Tests.Assessment;

public sealed class AnswersJsonWriterTests
{
    private static readonly Symptom[] Symptoms = Enum.GetValues<Symptom>();
    private static readonly DvtRiskFactor[] RiskFactors = Enum.GetValues<DvtRiskFactor>();
    private static readonly RecentChange[] Changes = Enum.GetValues<RecentChange>();

    public static TheoryData<Symptom> EverySymptom => new(Symptoms);

    private static RunnerAnswers RoundTrip(RunnerAnswers answers, bool indented = false)
    {
        var read = AnswersJsonReader.Read(AnswersJsonWriter.Write(answers, indented));
        Assert.Empty(read.Errors);
        return read.Answers!;
    }

    private static void AssertSameAnswers(RunnerAnswers expected, RunnerAnswers actual)
    {
        Assert.Equal(expected.Present.Order(), actual.Present.Order());
        Assert.Equal(expected.DaysSinceOnset, actual.DaysSinceOnset);
        Assert.Equal(expected.DaysOfHomeCare, actual.DaysOfHomeCare);
        Assert.Equal(expected.PainScore, actual.PainScore);
        Assert.Equal(expected.Side, actual.Side);
        Assert.Equal(expected.Onset, actual.Onset);
        Assert.Equal(expected.AfterInjury, actual.AfterInjury);
        Assert.Equal(expected.CrampDuringRun, actual.CrampDuringRun);
        Assert.Equal(expected.DiabetesOrImmunosuppressed, actual.DiabetesOrImmunosuppressed);
        Assert.Equal(expected.DvtRiskFactors.Order(), actual.DvtRiskFactors.Order());
        Assert.Equal(expected.RecentChanges.Order(), actual.RecentChanges.Order());
    }

    private static RunnerAnswers Everything(Side side, Onset onset, bool flags) => new(Symptoms.ToHashSet(), daysSinceOnset: 12, daysOfHomeCare: 9)
    {
        PainScore = new PainScore(7),
        Side = side,
        Onset = onset,
        AfterInjury = flags,
        CrampDuringRun = !flags,
        DiabetesOrImmunosuppressed = flags,
        DvtRiskFactors = RiskFactors.ToHashSet(),
        RecentChanges = Changes.ToHashSet(),
    };

    [Theory]
    [MemberData(nameof(EverySymptom))]
    public void Each_warning_sign_alone_reads_back_as_the_only_yes(Symptom symptom)
    {
        var answers = A.With(symptom);

        var read = RoundTrip(answers);

        Assert.Equal([symptom], read.Present);
        AssertSameAnswers(answers, read);
    }

    [Fact]
    public void No_signs_reads_back_as_every_sign_no()
    {
        var answers = A.With().Days(0, 0);

        AssertSameAnswers(answers, RoundTrip(answers));
    }

    [Theory]
    [InlineData(Side.Left, Onset.Sudden, true)]
    [InlineData(Side.Right, Onset.Gradual, false)]
    [InlineData(Side.Both, Onset.Sudden, false)]
    public void Every_sign_every_optional_answer_and_every_risk_factor_and_change_read_back(Side side, Onset onset, bool flags)
    {
        var answers = Everything(side, onset, flags);

        var read = RoundTrip(answers);

        Assert.Equal(Symptoms.Length, read.Present.Count);
        Assert.Equal(RiskFactors.Length, read.DvtRiskFactors.Count);
        Assert.Equal(Changes.Length, read.RecentChanges.Count);
        AssertSameAnswers(answers, read);
    }

    [Fact]
    public void Optional_answers_left_unset_stay_unset()
    {
        var answers = A.With(Symptom.Bruising).Days(5, 5);

        var read = RoundTrip(answers);

        Assert.Null(read.PainScore);
        Assert.Null(read.Side);
        Assert.Null(read.Onset);
        Assert.Null(read.AfterInjury);
        Assert.Null(read.CrampDuringRun);
        Assert.Null(read.DiabetesOrImmunosuppressed);
        Assert.Empty(read.DvtRiskFactors);
        Assert.Empty(read.RecentChanges);
        AssertSameAnswers(answers, read);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void Pain_scores_at_both_ends_of_the_scale_read_back(int score)
    {
        var answers = A.With() with { PainScore = new PainScore(score) };

        Assert.Equal(new PainScore(score), RoundTrip(answers).PainScore);
    }

    [Fact]
    public void Every_sign_is_written_as_an_explicit_true_or_false_with_the_days()
    {
        var json = AnswersJsonWriter.Write(A.With(Symptom.Swelling).Days(4, 2));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        foreach (var question in Questionnaire.SymptomQuestionsOf(1))
        {
            var expected = question.Symptom == Symptom.Swelling ? JsonValueKind.True : JsonValueKind.False;
            Assert.Equal(expected, root.GetProperty(question.Key).ValueKind);
        }

        Assert.Equal(4, root.GetProperty("daysSinceOnset").GetInt32());
        Assert.Equal(2, root.GetProperty("daysOfHomeCare").GetInt32());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("dvtRiskFactors").ValueKind);
        Assert.False(root.TryGetProperty("painScore", out _));
        Assert.False(root.TryGetProperty("side", out _));
    }

    [Fact]
    public void Choices_and_lists_are_written_with_their_wire_words_in_a_stable_order()
    {
        var changed = A.With().Risk(DvtRiskFactor.Smoking, DvtRiskFactor.LongTravel).Changes(RecentChange.WornShoes, RecentChange.DistanceIncrease);
        var answers = changed with { Side = Side.Both, Onset = Onset.Gradual };

        using var document = JsonDocument.Parse(AnswersJsonWriter.Write(answers));

        var root = document.RootElement;
        Assert.Equal("both", root.GetProperty("side").GetString());
        Assert.Equal("gradual", root.GetProperty("onset").GetString());
        Assert.Equal(["long-travel", "smoking"], root.GetProperty("dvtRiskFactors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["distance-increase", "worn-shoes"], root.GetProperty("recentChanges").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Indented_output_reads_back_to_the_same_answers()
    {
        var answers = Everything(Side.Left, Onset.Gradual, flags: true);

        var indented = AnswersJsonWriter.Write(answers, indented: true);

        Assert.Contains('\n', indented);
        AssertSameAnswers(answers, RoundTrip(answers, indented: true));
        Assert.Equal(AnswersJsonWriter.Write(answers), AnswersJsonWriter.Write(RoundTrip(answers)));
    }

    [Property(MaxTest = 500)]
    public bool Any_answers_read_back_unchanged(
        uint symptomMask, ushort riskMask, ushort changeMask, byte onsetDays, byte careDays, byte pain, byte side, byte onset, byte flags)
    {
        var answers = new RunnerAnswers(FromMask(Symptoms, symptomMask).ToHashSet(), onsetDays, Math.Min(careDays, onsetDays))
        {
            PainScore = pain % 12 == 11 ? null : new PainScore(pain % 12),
            Side = (side % 4) switch { 0 => null, 1 => Side.Left, 2 => Side.Right, _ => Side.Both },
            Onset = (onset % 3) switch { 0 => null, 1 => Core.Assessment.Onset.Sudden, _ => Core.Assessment.Onset.Gradual },
            AfterInjury = Flag(flags, 0),
            CrampDuringRun = Flag(flags, 1),
            DiabetesOrImmunosuppressed = Flag(flags, 2),
            DvtRiskFactors = FromMask(RiskFactors, riskMask).ToHashSet(),
            RecentChanges = FromMask(Changes, changeMask).ToHashSet(),
        };

        AssertSameAnswers(answers, RoundTrip(answers));
        return true;
    }

    /// <summary>Two bits per flag: 0 unset, 1 yes, 2–3 no.</summary>
    private static bool? Flag(byte flags, int index) => ((flags >> (2 * index)) & 3) switch
    {
        0 => null,
        1 => true,
        _ => false,
    };

    private static T[] FromMask<T>(T[] values, uint mask) =>
        values.Where((_, i) => i < 32 && (mask & (1u << i)) != 0).ToArray();
}
