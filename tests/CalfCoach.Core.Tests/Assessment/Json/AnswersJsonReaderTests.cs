using System.Text.Json.Nodes;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;

namespace CalfCoach.Core.Tests.Assessment.Json;

public sealed class AnswersJsonReaderTests
{
    /// <summary>A complete, valid answers object with every sign "no".</summary>
    private static JsonObject Valid()
    {
        var json = new JsonObject();
        foreach (var question in Questionnaire.SymptomQuestionsOf(1))
        {
            json[question.Key] = false;
        }

        json["daysSinceOnset"] = 3;
        json["daysOfHomeCare"] = 2;
        return json;
    }

    private static AnswerError SingleError(JsonObject json)
    {
        var result = AnswersJsonReader.Read(json.ToJsonString());
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Complete_answers_are_read_with_every_field()
    {
        var json = Valid();
        json["swelling"] = true;
        json["painScore"] = 4;
        json["side"] = "left";
        json["onset"] = "sudden";
        json["afterInjury"] = true;
        json["crampDuringRun"] = false;
        json["diabetesOrImmunosuppressed"] = true;
        json["dvtRiskFactors"] = new JsonArray("long-travel", "age-over-60");
        json["recentChanges"] = new JsonArray("new-speedwork");

        var answers = AnswersJsonReader.Read(json.ToJsonString()).Answers!;

        Assert.Equal([Symptom.Swelling], answers.Present);
        Assert.Equal(3, answers.DaysSinceOnset);
        Assert.Equal(2, answers.DaysOfHomeCare);
        Assert.Equal(new PainScore(4), answers.PainScore);
        Assert.Equal(Side.Left, answers.Side);
        Assert.Equal(Onset.Sudden, answers.Onset);
        Assert.True(answers.AfterInjury);
        Assert.False(answers.CrampDuringRun);
        Assert.True(answers.DiabetesOrImmunosuppressed);
        Assert.Equal(new HashSet<DvtRiskFactor> { DvtRiskFactor.LongTravel, DvtRiskFactor.AgeOver60 }, answers.DvtRiskFactors);
        Assert.Equal([RecentChange.NewSpeedwork], answers.RecentChanges);
    }

    [Fact]
    public void Optional_keys_may_be_left_out_or_null()
    {
        var json = Valid();
        json["painScore"] = null;
        json["side"] = null;
        json["dvtRiskFactors"] = null;

        var answers = AnswersJsonReader.Read(json.ToJsonString()).Answers!;

        Assert.Null(answers.PainScore);
        Assert.Null(answers.Side);
        Assert.Empty(answers.DvtRiskFactors);
    }

    [Fact]
    public void Every_required_sign_key_is_named_when_missing()
    {
        foreach (var question in Questionnaire.SymptomQuestionsOf(1))
        {
            var json = Valid();
            json.Remove(question.Key);

            var error = SingleError(json);

            Assert.Equal(question.Key, error.Key);
            Assert.Equal($"missing required key \"{question.Key}\": answer true or false. A missing answer is never taken as \"no\".", error.Message);
        }
    }

    [Theory]
    [InlineData("daysSinceOnset")]
    [InlineData("daysOfHomeCare")]
    public void Missing_day_counts_are_errors(string key)
    {
        var json = Valid();
        json.Remove(key);

        Assert.Equal($"missing required key \"{key}\": give a whole number of days, 0 or more.", SingleError(json).Message);
    }

    [Fact]
    public void A_null_sign_is_an_error_not_a_no()
    {
        var json = Valid();
        json["fever"] = null;

        Assert.Equal("key \"fever\" is null: answer true or false. An empty answer is never taken as \"no\".", SingleError(json).Message);
    }

    [Fact]
    public void A_misspelled_key_is_unknown_and_a_close_key_is_suggested()
    {
        var json = Valid();
        json.Remove("fever");
        json["fevre"] = false;

        var errors = AnswersJsonReader.Read(json.ToJsonString()).Errors.Select(e => e.Message).ToArray();

        Assert.Equal(
        [
            "unknown key \"fevre\": did you mean \"fever\"?",
            "missing required key \"fever\": answer true or false. A missing answer is never taken as \"no\".",
        ], errors);
    }

    [Fact]
    public void A_key_in_the_wrong_case_is_unknown()
    {
        var json = Valid();
        json.Remove("chestPain");
        json["ChestPain"] = false;

        Assert.Contains(AnswersJsonReader.Read(json.ToJsonString()).Errors, e => e.Message == "unknown key \"ChestPain\": did you mean \"chestPain\"?");
    }

    [Fact]
    public void An_unrelated_unknown_key_is_rejected_without_a_suggestion()
    {
        var json = Valid();
        json["favouriteColour"] = "blue";

        Assert.Equal("unknown key \"favouriteColour\": it is not one of the questions. The answers reference lists every key.", SingleError(json).Message);
    }

    [Theory]
    [InlineData("\"no\"", "key \"fever\" must be true or false, not the string \"no\".")]
    [InlineData("\"false\"", "key \"fever\" must be true or false, not the string \"false\".")]
    [InlineData("0", "key \"fever\" must be true or false, not 0.")]
    [InlineData("1", "key \"fever\" must be true or false, not 1.")]
    [InlineData("[]", "key \"fever\" must be true or false, not an array.")]
    [InlineData("{}", "key \"fever\" must be true or false, not an object.")]
    public void A_sign_of_the_wrong_type_is_an_error(string value, string expected)
    {
        var json = Valid();
        json["fever"] = JsonNode.Parse(value);

        Assert.Equal(expected, SingleError(json).Message);
    }

    [Theory]
    [InlineData("-3", "key \"daysSinceOnset\" must be a whole number of days, 0 or more, not -3.")]
    [InlineData("2.5", "key \"daysSinceOnset\" must be a whole number of days, 0 or more, not 2.5.")]
    [InlineData("\"3\"", "key \"daysSinceOnset\" must be a whole number of days, 0 or more, not the string \"3\".")]
    [InlineData("null", "key \"daysSinceOnset\" must be a whole number of days, 0 or more, not null.")]
    public void A_bad_day_count_is_an_error(string value, string expected)
    {
        var json = Valid();
        json["daysSinceOnset"] = JsonNode.Parse(value);
        json["daysOfHomeCare"] = 0;

        Assert.Equal(expected, SingleError(json).Message);
    }

    [Fact]
    public void A_negative_home_care_count_is_an_error()
    {
        var json = Valid();
        json["daysOfHomeCare"] = -1;

        Assert.Equal("key \"daysOfHomeCare\" must be a whole number of days, 0 or more, not -1.", SingleError(json).Message);
    }

    [Fact]
    public void Home_care_longer_than_the_pain_is_an_error()
    {
        var json = Valid();
        json["daysSinceOnset"] = 2;
        json["daysOfHomeCare"] = 5;

        Assert.Equal("key \"daysOfHomeCare\" (5) cannot be more than \"daysSinceOnset\" (2): home care cannot have started before the pain.", SingleError(json).Message);
    }

    [Theory]
    [InlineData("11", "key \"painScore\" must be a whole number from 0 to 10, not 11.")]
    [InlineData("-1", "key \"painScore\" must be a whole number from 0 to 10, not -1.")]
    [InlineData("\"high\"", "key \"painScore\" must be a whole number from 0 to 10, not the string \"high\".")]
    public void A_bad_pain_score_is_an_error(string value, string expected)
    {
        var json = Valid();
        json["painScore"] = JsonNode.Parse(value);

        Assert.Equal(expected, SingleError(json).Message);
    }

    [Theory]
    [InlineData("side", "\"lft\"", "key \"side\" must be one of \"left\", \"right\", \"both\", not the string \"lft\".")]
    [InlineData("onset", "\"slow\"", "key \"onset\" must be one of \"sudden\", \"gradual\", not the string \"slow\".")]
    public void A_bad_choice_is_an_error(string key, string value, string expected)
    {
        var json = Valid();
        json[key] = JsonNode.Parse(value);

        Assert.Equal(expected, SingleError(json).Message);
    }

    [Fact]
    public void A_bad_list_item_is_named_by_position()
    {
        var json = Valid();
        json["recentChanges"] = new JsonArray("new-speedwork", "more-miles");

        var message = SingleError(json).Message;

        Assert.StartsWith("key \"recentChanges\" item 1 must be one of \"distance-increase\",", message);
        Assert.EndsWith("not the string \"more-miles\".", message);
    }

    [Fact]
    public void A_list_that_is_not_an_array_is_an_error()
    {
        var json = Valid();
        json["dvtRiskFactors"] = "smoking";

        Assert.StartsWith("key \"dvtRiskFactors\" must be an array of strings from \"recent-surgery\",", SingleError(json).Message);
    }

    [Fact]
    public void A_duplicate_key_is_an_error()
    {
        var text = Valid().ToJsonString().Replace("\"fever\":false", "\"fever\":false,\"fever\":true", StringComparison.Ordinal);

        var error = Assert.Single(AnswersJsonReader.Read(text).Errors);

        Assert.Equal("key \"fever\" appears more than once; give each answer once.", error.Message);
    }

    [Theory]
    [InlineData("{\"fever\": tru}", "the answers are not valid JSON at line 1, position 14:")]
    [InlineData("{\"fever\": false,}", "the answers are not valid JSON at line 1, position 17:")]
    [InlineData("", "the answers are not valid JSON at line 1, position 1:")]
    public void Invalid_json_is_reported_with_its_position(string text, string expectedStart)
    {
        var error = Assert.Single(AnswersJsonReader.Read(text).Errors);

        Assert.Equal("$", error.Key);
        Assert.StartsWith(expectedStart, error.Message);
        Assert.EndsWith("Check that the file holds one JSON object.", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Theory]
    [InlineData("[]", "the answers must be a JSON object with one key per question, not an array.")]
    [InlineData("true", "the answers must be a JSON object with one key per question, not true.")]
    [InlineData("\"yes\"", "the answers must be a JSON object with one key per question, not the string \"yes\".")]
    public void A_document_that_is_not_an_object_is_an_error(string text, string expected)
    {
        Assert.Equal(expected, Assert.Single(AnswersJsonReader.Read(text).Errors).Message);
    }

    [Fact]
    public void An_empty_object_names_every_required_key()
    {
        var errors = AnswersJsonReader.Read("{}").Errors;

        Assert.Equal(Questionnaire.SymptomQuestionsOf(1).Count + 2, errors.Count);
        Assert.Equal(Questionnaire.SymptomQuestionsOf(1).Select(q => q.Key).Concat(["daysSinceOnset", "daysOfHomeCare"]), errors.Select(e => e.Key));
    }

    [Fact]
    public void The_bundled_example_answers_are_valid()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "examples"), "answers-*.json"))
        {
            Assert.True(AnswersJsonReader.Read(File.ReadAllText(file)).IsValid, file);
        }
    }
}
