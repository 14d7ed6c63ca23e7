using System.Text.RegularExpressions;
using CalfCoach.Core.Assessment;

namespace CalfCoach.Core.Tests.Docs;

/// <summary>Keeps docs/SPEC-TRACE.md true: every test and rule it names must exist.</summary>
public sealed partial class SpecTraceTests
{
    [GeneratedRegex(@"(?<class>[A-Z]\w*Tests)\.(?<method>[A-Z]\w*)")]
    private static partial Regex TestReference();

    [Fact]
    public void Every_test_named_in_the_spec_trace_exists()
    {
        var root = TestPaths.RepoRoot;
        var trace = File.ReadAllText(Path.Combine(root, "docs", "SPEC-TRACE.md"));
        var sources = string.Join('\n', Directory.GetFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        var references = TestReference().Matches(trace).Select(m => (Class: m.Groups["class"].Value, Method: m.Groups["method"].Value)).Distinct().ToArray();

        Assert.NotEmpty(references);
        Assert.All(references, r =>
        {
            Assert.Contains($"class {r.Class}", sources);
            Assert.Contains($" {r.Method}(", sources);
        });
    }

    [Fact]
    public void Every_triage_rule_appears_in_the_spec_trace()
    {
        var trace = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "SPEC-TRACE.md"));

        Assert.All(TriageRules.All, rule => Assert.Contains($"`{rule.Id}`", trace));
    }
}
