using CalfCoach.Web.Resources;

namespace CalfCoach.Web.Tests;

/// <summary>
/// The pages' words live in one .resx per page, reached only through its typed class (as ImportPageTextTests checks for
/// the import page): every member has its text and every text a member, and the texts are runner words with their
/// placeholders filled.
/// </summary>
public sealed class PageTextTests
{
    public static TheoryData<Type> TypedTexts =>
    [
        typeof(ShoesPageText), typeof(MetronomePageText), typeof(ProfilePageText), typeof(EvidencePageText), typeof(LayoutText), typeof(PlanPageText),
        typeof(TodayPageText), typeof(DispositionText), typeof(WhyLinkText), typeof(AssessPageText), typeof(AssessResultText),
        typeof(SignInPageText), typeof(RegisterPageText), typeof(AccountPageText), typeof(SharingPageText), typeof(AthletesPageText),
    ];

    [Theory]
    [MemberData(nameof(TypedTexts))]
    public void Every_text_has_its_resource_and_every_resource_a_member(Type typed) => ResourceTexts.AssertMatch(typed);

    [Theory]
    [MemberData(nameof(TypedTexts))]
    public void The_texts_are_runner_words_with_their_placeholders_filled(Type typed)
    {
        var texts = ResourceTexts.All(typed);

        Assert.All(texts, t => Assert.DoesNotContain("{0}", t, StringComparison.Ordinal));
        Assert.Empty(RunnerWords.CodeNamesIn(string.Join('\n', texts)));
    }
}
