using System.Reflection;
using CalfCoach.Cli.Rendering;
using CalfCoach.Cli.Resources;
using Spectre.Console;
using Spectre.Console.Testing;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary>
/// The CLI's words live in one .resx per area, reached only through its typed class (as ImportSummaryTextTests checks
/// for the import summary): every member has its text and every text a member, the placeholders are filled, and only a
/// key ending in Markup holds Spectre markup, which must render.
/// </summary>
public sealed class CliTextTests
{
    public static TheoryData<Type> TypedTexts =>
    [
        typeof(CommonText), typeof(AssessmentViewText), typeof(PlanViewText), typeof(ActivitiesText), typeof(AnalyzeText), typeof(AssessText),
        typeof(DemoText), typeof(ExportText), typeof(ImportText), typeof(InspectText), typeof(LogText), typeof(MetronomeText), typeof(PlanText),
        typeof(ProfileText), typeof(ReportText), typeof(ServeText), typeof(ShoesText), typeof(UsersText), typeof(InteractiveText),
    ];

    [Theory]
    [MemberData(nameof(TypedTexts))]
    public void Every_text_has_its_resource_and_every_resource_a_member(Type typed) => ResourceTexts.AssertMatch(typed);

    [Theory]
    [MemberData(nameof(TypedTexts))]
    public void The_texts_have_their_placeholders_filled_and_markup_only_where_the_key_says_so(Type typed)
    {
        Assert.All(ResourceTexts.All(typed), t => Assert.DoesNotContain("{", t, StringComparison.Ordinal));
        foreach (var member in typed.GetMembers(BindingFlags.Public | BindingFlags.Static).Where(m => m is PropertyInfo or MethodInfo { IsSpecialName: false }))
        {
            var text = member switch
            {
                PropertyInfo p => (string)p.GetValue(null)!,
                MethodInfo m => (string)m.Invoke(null, [.. m.GetParameters().Select(p => p.ParameterType == typeof(string) ? "[x]" : Convert.ChangeType(3, p.ParameterType, System.Globalization.CultureInfo.InvariantCulture))])!,
                _ => string.Empty,
            };
            if (member.Name.EndsWith("Markup", StringComparison.Ordinal))
            {
                // Our own tags render away; a value put into the text ("[x]") is escaped and shows as typed.
                var console = new TestConsole { EmitAnsiSequences = false };
                console.Profile.Width = 500;
                console.Write(new Markup(text));
                Assert.DoesNotContain("[/]", console.Output, StringComparison.Ordinal);
                Assert.Equal(text.Contains("[[x]]", StringComparison.Ordinal), console.Output.Contains("[x]", StringComparison.Ordinal));
            }
            else
            {
                Assert.DoesNotContain("[/]", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_styled_value_is_escaped_and_styled_and_the_words_around_it_are_escaped()
    {
        Assert.Equal("Added [bold]Pegasus [[41]][/].", Styled.Markup(ShoesText.Added(Styled.Bold("Pegasus [41]"))));
        Assert.Equal("Run [bold]calfcoach [[x]][/] for today's tasks and log how it goes with [bold]y[/].", Styled.Markup(PlanViewText.NextSteps(Styled.Bold("calfcoach [x]"), Styled.Bold("y"))));
        Assert.Equal("[[x]] [bold link]http://a[/]", Styled.Markup("[x] " + Styled.In("bold link", "http://a")));
        Assert.Equal("[bold]ab[/]", Styled.Markup(Styled.Bold("a\uE002b")));
    }
}
