using System.Globalization;
using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Tests.Assessment.Cases;

/// <summary>
/// The held-out case set of issue 10 (docs/CASES.md), run through today's engine. The figures are
/// printed every run. The assertions are ratchets: they pass on today's engine and fail on a
/// regression, and the known-gap list must stay true as the rules improve.
/// </summary>
public sealed class PublishedCasesTests(ITestOutputHelper output)
{
    /// <summary>
    /// Exact matches today's (version-1) engine reaches on the set. The issue's target is 90 % exact with
    /// none below the lowest safe level; raise this number whenever the rules improve, never lower it.
    /// </summary>
    private const int BaselineExactMatches = 73;

    /// <summary>
    /// Cases today's questionnaire cannot express, so today's engine sends them below the lowest safe
    /// level. Each must stay under-triaged while listed (remove it when a rule fixes it); no other case may be.
    /// </summary>
    private static readonly Dictionary<string, string> KnownV1Gaps = new(StringComparer.Ordinal)
    {
        ["foot-drop-gradual"] = "no question about a weak foot: an honest \"no\" to \"unable to move the foot\" leaves no sign",
        ["foot-drop-with-back-pain"] = "no question about a weak foot, and referred pain from the back is not asked about",
        ["foot-drop-sudden-after-long-run"] = "no question about a weak foot, so a sudden foot drop after a run reads as self-care",
        ["statin-aching-calves-weeks"] = "no question about medicines (statins)",
        ["statin-weakness-new"] = "no question about medicines (statins) or muscle weakness",
        ["fq-achilles-tendinitis"] = "no question about medicines (fluoroquinolones) or where the pain is (the Achilles)",
        ["stress-fracture-pinpoint-shin"] = "no question about a sore spot on the bone",
        ["cramps-after-soil-wound"] = "no question about a wound, blister or bite (tetanus risk with cramps)",
    };

    /// <summary>The kinds of case the issue asks for, and the others this set covers.</summary>
    private static readonly string[] RequiredKinds =
    [
        "night-cramps", "compartment-chronic", "risk-factor-without-clot-signs", "swelling-explained", "swelling-unexplained",
        "fever-with-skin-signs", "heat-illness", "foot-drop", "stress-fracture", "claudication", "acute-limb-ischaemia",
        "brief-cramp", "medicine-statin", "medicine-fluoroquinolone", "medicine-blood-thinner", "dvt-classic", "dvt-subtle",
        "tear-rupture", "compartment-acute", "popliteal-entrapment", "bakers-cyst-rupture", "cellulitis", "strain-overuse",
        "shin-soleus", "sciatica", "training-load",
    ];

    private static readonly IReadOnlyList<PublishedCase> Cases = CaseSet.All;

    [Fact]
    public void The_set_has_at_least_80_cases_with_unique_ids_and_is_version_1()
    {
        Assert.Equal(1, CaseSet.File.Version);
        Assert.True(Cases.Count >= 80, $"{Cases.Count} cases; the issue asks for at least 80.");
        var duplicates = Cases.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.Empty(duplicates);
        Assert.All(Cases, c => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", c.Id));
    }

    [Fact]
    public void Every_case_has_a_description_and_cites_a_source_with_an_address_and_a_short_disposition_quote()
    {
        Assert.All(Cases, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Description), $"{c.Id}: no description");
            Assert.False(string.IsNullOrWhiteSpace(c.Source.Title), $"{c.Id}: no source title");
            Assert.True(Uri.TryCreate(c.Source.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https", $"{c.Id}: \"{c.Source.Url}\" is not a web address");
            Assert.False(string.IsNullOrWhiteSpace(c.Source.Quote), $"{c.Id}: no quote");
            var words = c.Source.Quote.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(words < 25, $"{c.Id}: the quote has {words} words; keep it under 25.");
        });
    }

    [Fact]
    public void Every_case_has_valid_dispositions_with_the_lowest_safe_no_higher_than_gold_and_a_basis()
    {
        Assert.All(Cases, c =>
        {
            Assert.True(CaseSet.IsDisposition(c.Gold), $"{c.Id}: gold \"{c.Gold}\" is not a disposition");
            Assert.True(CaseSet.IsDisposition(c.LowestSafe), $"{c.Id}: lowestSafe \"{c.LowestSafe}\" is not a disposition");
            Assert.True(c.LowestSafeDisposition <= c.GoldDisposition, $"{c.Id}: lowest safe {c.LowestSafe} is above gold {c.Gold}");
            Assert.Contains(c.Basis, CaseSet.Bases);
        });
    }

    [Fact]
    public void Every_fact_is_in_the_vocabulary_and_the_translator_has_a_rule_for_it()
    {
        Assert.All(Cases, c =>
        {
            Assert.NotEmpty(c.Facts);
            Assert.All(c.Facts, f =>
            {
                Assert.True(CaseFacts.IsKnown(f, out var why), $"{c.Id}: {why}");
                Assert.True(VersionOneTranslator.Handles(f), $"{c.Id}: the version-1 translator has no rule for \"{f}\"");
            });
            Assert.Equal(c.Facts.Count, c.Facts.Distinct(StringComparer.Ordinal).Count());
        });
        Assert.All(CaseFacts.Plain.Keys.Concat(CaseFacts.Numeric.Keys), f => Assert.True(VersionOneTranslator.Handles(f), $"no translator rule for \"{f}\""));
    }

    [Fact]
    public void The_article_is_the_minimum_where_it_is_explicit_and_the_basis_says_so()
    {
        Assert.All(Cases, c =>
        {
            var minimum = CaseFacts.ArticleMinimum(c.Facts);
            Assert.True(c.Basis == (minimum is null ? "clinical-source" : "article-explicit"),
                $"{c.Id}: basis {c.Basis}, but the article is {(minimum is null ? "silent or loose" : $"explicit ({minimum.Value.WireName()})")} here");
            if (minimum is { } floor)
            {
                Assert.True(c.GoldDisposition >= floor, $"{c.Id}: gold {c.Gold} is below the article's {floor.WireName()}");
                Assert.True(c.LowestSafeDisposition >= floor, $"{c.Id}: lowest safe {c.LowestSafe} is below the article's {floor.WireName()}");
            }
        });
    }

    [Fact]
    public void Every_listed_kind_is_present_and_the_dispositions_are_balanced()
    {
        var kinds = Cases.Select(c => c.Kind).ToHashSet(StringComparer.Ordinal);
        Assert.All(RequiredKinds, k => Assert.Contains(k, kinds));

        // Not mostly self-care: every level holds at least a sixth of the set.
        foreach (var level in Enum.GetValues<Disposition>())
        {
            var count = Cases.Count(c => c.GoldDisposition == level);
            Assert.True(count * 6 >= Cases.Count, $"only {count} of {Cases.Count} cases have gold {level.WireName()}");
        }
    }

    [Fact]
    public void Every_case_translates_to_a_version_1_answers_object_the_reader_accepts()
    {
        Assert.All(Cases, c => Assert.NotNull(VersionOneTranslator.ToAnswers(c.Facts)));
    }

    [Fact]
    public void Every_case_and_every_fact_is_documented_in_CASES_md()
    {
        var doc = File.ReadAllText(Path.Combine(CalfCoach.Testing.TestPaths.RepoRoot, "docs", "CASES.md"));
        Assert.All(Cases, c => Assert.Contains($"`{c.Id}`", doc));
        Assert.All(CaseFacts.Plain.Keys, f => Assert.Contains($"`{f}`", doc));
        Assert.All(CaseFacts.Numeric.Keys, f => Assert.Contains($"`{f}:N`", doc));
        Assert.All(KnownV1Gaps, gap => Assert.Contains($"| `{gap.Key}` |", doc[doc.IndexOf("Known version-1 gaps", StringComparison.Ordinal)..]));
    }

    [Fact]
    public void Version_2_answers_print_their_figures_reach_90_percent_exact_and_none_is_below_its_lowest_safe_level()
    {
        var runs = Run(VersionTwoTranslator.ToAnswers);
        var exact = Report(runs, "version 2");
        var under = runs.Where(r => r.Result < r.Case.LowestSafeDisposition)
            .Select(r => $"{r.Case.Id}: engine {r.Result.WireName()}, lowest safe {r.Case.LowestSafe}").ToArray();

        Assert.Empty(under);
        Assert.True(exact * 10 >= runs.Count * 9, $"{exact} of {runs.Count} exact, below the 90 % the issue asks for.");
    }

    [Fact]
    public void Todays_engine_prints_its_figures_and_keeps_at_least_the_baseline_exact_matches()
    {
        var runs = Run();
        var exact = Report(runs, "version 1");

        Assert.True(exact >= BaselineExactMatches,
            $"{exact} exact matches, fewer than the recorded baseline of {BaselineExactMatches}: a rule change made the engine less accurate.");
    }

    private int Report(List<CaseRun> runs, string version)
    {
        var exact = runs.Count(r => r.Result == r.Case.GoldDisposition);
        var over = runs.Where(r => r.Result > r.Case.GoldDisposition).ToArray();
        var under = runs.Where(r => r.Result < r.Case.LowestSafeDisposition).ToArray();
        var belowGold = runs.Where(r => r.Result < r.Case.GoldDisposition).ToArray();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Published cases, {version} answers: {runs.Count}; exact {exact} ({100.0 * exact / runs.Count:F1} %, target 90 %); " +
            $"over-triaged {over.Length}; below gold {belowGold.Length}; under-triaged (below lowest safe) {under.Length} (target 0)."));
        foreach (var miss in runs.Where(r => r.Result != r.Case.GoldDisposition).OrderBy(r => r.Case.Id, StringComparer.Ordinal))
        {
            var how = miss.Result > miss.Case.GoldDisposition ? "OVER " : miss.Result < miss.Case.LowestSafeDisposition ? "UNDER" : "low  ";
            output.WriteLine($"  {how} {miss.Case.Id} ({miss.Case.Kind}): gold {miss.Case.Gold}, lowest safe {miss.Case.LowestSafe}, " +
                $"engine {miss.Result.WireName()} [{string.Join(", ", miss.Rules)}]");
        }

        return exact;
    }

    [Fact]
    public void No_case_outside_the_known_version_1_gaps_is_sent_below_its_lowest_safe_level()
    {
        var unexpected = Run()
            .Where(r => r.Result < r.Case.LowestSafeDisposition && !KnownV1Gaps.ContainsKey(r.Case.Id))
            .Select(r => $"{r.Case.Id}: engine {r.Result.WireName()}, lowest safe {r.Case.LowestSafe}")
            .ToArray();

        Assert.Empty(unexpected);
    }

    [Fact]
    public void Every_known_version_1_gap_is_a_real_case_and_still_under_triaged()
    {
        var byId = Run().ToDictionary(r => r.Case.Id, StringComparer.Ordinal);
        Assert.All(KnownV1Gaps, gap =>
        {
            Assert.True(byId.TryGetValue(gap.Key, out var run), $"{gap.Key} is not a case id");
            Assert.False(string.IsNullOrWhiteSpace(gap.Value));
            Assert.True(run.Result < run.Case.LowestSafeDisposition,
                $"{gap.Key} now reaches {run.Result.WireName()} (lowest safe {run.Case.LowestSafe}): a rule fixed it, so remove it from the known gaps.");
        });
    }

    private static List<CaseRun> Run() => Run(VersionOneTranslator.ToAnswers);

    private static List<CaseRun> Run(Func<IReadOnlyList<string>, RunnerAnswers> translate) =>
        Cases.Select(c =>
        {
            var result = Assessor.Assess(translate(c.Facts), A.Day);
            return new CaseRun(c, result.Disposition, result.RedFlags.Select(f => f.Id).ToArray());
        }).ToList();

    private sealed record CaseRun(PublishedCase Case, Disposition Result, IReadOnlyList<string> Rules);
}
