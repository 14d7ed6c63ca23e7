using CalfCoach.Core.Assessment;
using static CalfCoach.Core.Assessment.Disposition;
using static CalfCoach.Core.Assessment.Symptom;

namespace CalfCoach.Core.Tests.Assessment;

/// <summary>
/// The article's own warning signs are the minimum: each sign alone must reach at least the
/// disposition the article gives it (EVIDENCE.md may raise it, never lower it).
/// </summary>
public sealed class ArticleWarningSignsTests
{
    [Theory]
    // "If the pain is severe and unrelenting, or if you experience fever or shortness of breath ... emergency"
    [InlineData(SevereUnrelentingPain, Emergency)]
    [InlineData(Fever, Emergency)]
    [InlineData(ShortnessOfBreath, Emergency)]
    // "Sharp, sudden pain accompanied by a popping or snapping sensation ... tear or rupture"
    [InlineData(PopOrSnap, Urgent)]
    // "The inability to bear weight or difficulty rising onto the toes ... requires immediate attention"
    [InlineData(CannotBearWeight, Urgent)]
    [InlineData(CannotRiseOnToes, Urgent)]
    // "Pain that occurs without activity or is accompanied by ... coldness, numbness, or tingling ... urgent diagnosis"
    [InlineData(PainAtRest, Urgent)]
    [InlineData(ColdOrPaleFoot, Urgent)]
    [InlineData(NumbnessOrTingling, Urgent)]
    // "visible signs such as significant bruising, swelling, or skin discoloration"
    [InlineData(Bruising, SeeClinician)]
    [InlineData(Swelling, SeeClinician)]
    [InlineData(Discoloration, SeeClinician)]
    public void Article_warning_sign_alone_reaches_at_least_the_articles_disposition(Symptom sign, Disposition articleMinimum)
    {
        Assert.True(A.With(sign).Disposition() >= articleMinimum);
    }

    [Fact]
    public void Article_persistent_symptoms_after_7_to_10_days_of_home_care_need_a_clinician()
    {
        Assert.True(A.With(NotImproving).Days(7, 7).Disposition() >= SeeClinician);
        Assert.True(A.With(NotImproving).Days(10, 10).Disposition() >= SeeClinician);
    }

    [Theory]
    // Evidence R2: a cold, pale foot is acute limb ischaemia until proven otherwise.
    [InlineData(ColdOrPaleFoot, Emergency)]
    // Evidence R7: swelling or discoloration cannot exclude a clot at home; suspected DVT is never below urgent.
    [InlineData(Swelling, Urgent)]
    [InlineData(Discoloration, Urgent)]
    [InlineData(Warmth, Urgent)]
    public void Where_evidence_is_more_urgent_than_the_article_the_evidence_wins(Symptom sign, Disposition evidenceLevel)
    {
        Assert.Equal(evidenceLevel, A.With(sign).Disposition());
    }
}
